package io.mibwatch.app.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.poller.schedule.CycleReport;
import io.mibwatch.storage.RrdLayout;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.RrdStoreOptions;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.thresholds.alert.Alert;
import io.mibwatch.thresholds.alert.AlertId;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.apdex.ApdexMonitor;
import io.mibwatch.thresholds.rule.RuleId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's alerting raises the service Apdex alert (services[].apdex_alert) from polled member samples. */
class AlertingApdexTest {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    static final SeriesId RTT = new SeriesId("r1", "cisco_rtt", "1", "rtt");

    @TempDir
    Path tmp;

    @Test
    void apdexBelowTheLevelFiresAServiceAlert() throws Exception {
        MibwatchConfig cfg = ConfigLoader.parse("""
                credentials: {lab: {community: public}}
                devices:
                  - {name: r1, address: 127.0.0.1, credentials: lab}
                services:
                  - name: voip
                    window: 5m
                    apdex_alert: {below: 0.85, for: 2m}
                    members:
                      - {device: r1, series: cisco_rtt/1/rtt, t: 100ms}
                """, "test.yaml");
        ManualClock clock = new ManualClock(T0);
        AlertId id = new AlertId(RuleId.of("apdex:voip"), ApdexMonitor.seriesOf("voip"));
        try (RrdSeriesStore rrd = new RrdSeriesStore(tmp.resolve("rrd"), new SeriesSchema(StandardMetrics.dsNamesByGroup()),
                d -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults());
             Alerting a = new Alerting(cfg, rrd, tmp.resolve("alerts.db"), clock, Alerting.RECHECK)) {
            for (int i = 0; i < 10; i++) {
                Instant at = T0.plusSeconds(60L * i);
                clock.set(at);
                a.onCycle(new CycleReport("r1", at, Duration.ofMillis(5), Optional.empty(),
                        List.of(new Sample(RTT, at, i < 5 ? 50 : 250)), Map.of(), false, 0));
                if (i == 7) {
                    assertTrue(a.tracker().alert(id).map(x -> x.state() != AlertState.FIRING).orElse(true),
                            "score 0.7, below 0.85 for one minute only: not firing yet");
                }
            }
            Alert alert = a.tracker().alert(id).orElseThrow();
            assertEquals(AlertState.FIRING, alert.state());
        }
    }
}
