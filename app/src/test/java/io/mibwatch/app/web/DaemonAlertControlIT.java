package io.mibwatch.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.app.alerting.AlertingWiring;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.poller.schedule.CycleReport;
import io.mibwatch.storage.RrdLayout;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.RrdStoreOptions;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.thresholds.alert.AlertId;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.apdex.ApdexMonitor;
import io.mibwatch.thresholds.pipeline.AlertPipeline;
import io.mibwatch.thresholds.rule.RuleId;
import io.mibwatch.web.alerts.AlertsFeature;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.testing.Http;
import io.mibwatch.web.testing.TestWeb;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert page's acks and silences through the real daemon alerting: applied to the live
 * tracker at once (not queued for the next recheck) and stored in the same SQLite store.
 */
class DaemonAlertControlIT {
    static final SeriesId RTT = new SeriesId("r1", "cisco_rtt", "1", "rtt");

    @TempDir
    Path tmp;

    @Test
    void ackAndSilenceReachTheTrackerAtOnce() throws Exception {
        MibwatchConfig cfg = ConfigLoader.parse("""
                credentials: {lab: {community: public}}
                devices:
                  - {name: r1, address: 127.0.0.1, credentials: lab}
                services:
                  - name: voip
                    window: 5m
                    apdex_alert: {below: 0.85, for: 1m}
                    members:
                      - {device: r1, series: cisco_rtt/1/rtt, t: 100ms}
                """, "test.yaml");
        AlertId id = new AlertId(RuleId.of("apdex:voip"), ApdexMonitor.seriesOf("voip"));
        Clock clock = Clock.systemUTC();
        // a recheck period far beyond the test: whatever happens, happens through the web's direct calls
        try (RrdSeriesStore rrd = new RrdSeriesStore(tmp.resolve("rrd"), new SeriesSchema(StandardMetrics.dsNamesByGroup()),
                d -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults());
             AlertPipeline alerting = AlertingWiring.open(cfg, rrd, tmp.resolve("mibwatch.db"), clock, Duration.ofHours(1))) {
            Instant t0 = clock.instant().minusSeconds(600);
            for (int i = 0; i < 10; i++) {
                Instant at = t0.plusSeconds(60L * i);
                alerting.onCycle(AlertingWiring.cycle(new CycleReport("r1", at, Duration.ofMillis(5), Optional.empty(),
                        List.of(new Sample(RTT, at, 250)), Map.of(), false, 0)));
            }
            assertEquals(AlertState.FIRING, alerting.tracker().alert(id).orElseThrow().state());
            AlertsFeature[] feature = new AlertsFeature[1];
            TestWeb started = TestWeb.builder().featureWith(auth -> feature[0] = new AlertsFeature(alerting.store(),
                    new DaemonAlertControl(alerting), auth.users().audit(), clock, Duration.ofMillis(100))).start();
            AlertsFeature alerts = feature[0];
            try (TestWeb web = started) {
                Http op = web.http(Role.OPERATOR);
                String path = "/api/alerts/" + URLEncoder.encode(id.key(), StandardCharsets.UTF_8);
                HttpResponse<String> ack = op.post(path + "/ack", "{\"comment\":\"voice team informed\"}");
                assertEquals(200, ack.statusCode(), ack.body());
                assertEquals("voice team informed", alerting.tracker().alert(id).orElseThrow().ack().orElseThrow().comment());
                assertEquals("operator", alerting.store().alert(id.key()).orElseThrow().ack().orElseThrow().user());

                HttpResponse<String> s = op.post("/api/silences",
                        "{\"device\":\"voip\",\"duration\":\"1h\",\"comment\":\"codec change CHG-7\"}");
                assertEquals(201, s.statusCode(), s.body());
                String sid = Http.json(s).get("id").asText();
                assertEquals(Optional.of(sid), alerting.tracker().alert(id).orElseThrow().silencedBy(),
                        "the live alert is silenced before any recheck");
                assertTrue(alerting.tracker().silences().stream().anyMatch(x -> x.id().equals(sid)));
                assertEquals(204, op.delete("/api/silences/" + sid).statusCode());
                assertTrue(alerting.tracker().alert(id).orElseThrow().silencedBy().isEmpty());
                assertTrue(alerting.store().silences().isEmpty());
            } finally {
                alerts.close();
            }
        }
    }
}
