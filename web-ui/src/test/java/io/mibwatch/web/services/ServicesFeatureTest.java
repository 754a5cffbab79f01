package io.mibwatch.web.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.config.ServicesConfig;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.SeriesNotFoundException;
import io.mibwatch.thresholds.apdex.SampleSource;
import io.mibwatch.thresholds.redbutton.Complaint;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.RedButtonStore;
import io.mibwatch.web.auth.AuditAction;
import io.mibwatch.web.auth.AuditEntry;
import io.mibwatch.web.auth.AuditQuery;
import io.mibwatch.web.auth.UserStore;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.testdata.FeatureServer;
import io.mibwatch.web.testdata.RrdFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services, Apdex and the red button API over real RRD files and the real SQLite event store:
 * the link latency of r1 degrades for 20 minutes every two hours and users complain then.
 */
class ServicesFeatureTest {
    static final Instant NOW = Instant.parse("2026-11-16T18:00:00Z");
    static final Instant START = Instant.parse("2026-11-16T02:00:00Z");
    static final SeriesId RTT = new SeriesId("r1", "cisco_rtt", "1", "rtt");
    static final SeriesId LOAD = new SeriesId("r1", "cpu", "1", "load");

    @TempDir
    Path dir;
    RrdSeriesStore store;
    AlertStore db;
    RedButtonStore rb;
    UserStore users;
    FeatureServer server;
    final AtomicReference<Instant> now = new AtomicReference<>(NOW);

    static boolean degraded(Instant t) {
        long minute = (t.getEpochSecond() - START.getEpochSecond()) / 60;
        return minute >= 120 && minute % 120 < 20; // 04:00-04:20, 06:00-06:20, ...
    }

    @BeforeEach
    void setUp() {
        store = RrdFixture.store(dir.resolve("rrd"));
        RrdFixture.write(store, List.of(RTT), START, NOW.plusSeconds(1),
                (s, t) -> degraded(t) ? 900.0 : 20.0 + (t.getEpochSecond() / 60) % 7);
        RrdFixture.write(store, List.of(LOAD), START, NOW.plusSeconds(1), (s, t) -> 30.0 + (t.getEpochSecond() / 60) % 11);
        db = AlertStore.open(dir.resolve("mibwatch.db"));
        rb = db.redButton();
        // six users complain ten minutes into six degradations
        for (int k = 0; k < 6; k++) {
            Instant at = START.plus(Duration.ofMinutes(120L * (k + 1) + 10));
            rb.addComplaint(new Complaint("user" + k, "voip", at), at);
        }
        ServicesConfig services = new ServicesConfig(List.of(new ServicesConfig.Service("voip", List.of(
                new ServicesConfig.Member("r1", "cisco_rtt/1/rtt", new ServicesConfig.Target(150, Optional.of("ms")), true),
                new ServicesConfig.Member("r1", "cpu/1/load", new ServicesConfig.Target(80, Optional.empty()), true),
                new ServicesConfig.Member("r9", "cpu/1/load", new ServicesConfig.Target(80, Optional.empty()), true)),
                Duration.ofMinutes(5), Optional.empty(), Optional.empty())));
        SampleSource samples = (id, from, to) -> {
            try {
                SeriesData d = store.fetch(id, from, to, Duration.ofSeconds(1), Consolidation.AVERAGE);
                List<Sample> out = new ArrayList<>();
                d.points().forEach(p -> out.add(new Sample(id, p.at(), p.value())));
                return Optional.of(out);
            } catch (SeriesNotFoundException e) {
                return Optional.empty();
            }
        };
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        users = UserStore.open(dir.resolve("web.db"), clock, 4);
        server = new FeatureServer(new ServicesFeature(() -> services, samples, rb,
                MetricUnits.of(MetricCatalog.standard()), clock, users.audit()));
    }

    @AfterEach
    void tearDown() {
        server.close();
        users.close();
        db.close();
        store.close();
    }

    JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void viewersSeeApdexWithAnHourlyTrendReportersOnlyNames() throws Exception {
        JsonNode v = json(server.get("/api/services", "vic", Role.VIEWER), 200).get(0);
        assertEquals("voip", v.get("name").asText());
        assertEquals(24, v.get("trend").size());
        double apdex = v.get("apdex").get("apdex").asDouble();
        // degraded rows (900 ms > 4T = 600 ms) are frustrated; the rest satisfied: 0 < Apdex < 1
        assertTrue(apdex > 0.5 && apdex < 1, "apdex " + apdex);
        assertTrue(v.get("apdex").get("frustrated").asLong() > 0);
        assertEquals(6, v.get("complaints").asInt());
        JsonNode r = json(server.get("/api/services", "rita", Role.REPORTER), 200).get(0);
        assertEquals("voip", r.get("name").asText());
        assertTrue(r.get("apdex").isNull());
        assertTrue(r.get("rateLimitedUntil").isNull());
        assertEquals(403, server.get("/api/services/voip", "rita", Role.REPORTER).statusCode());
    }

    @Test
    void theServicePageHasMembersTrendAndComplaints() throws Exception {
        JsonNode s = json(server.get("/api/services/voip?range=1d", "vic", Role.VIEWER), 200);
        assertEquals(3, s.get("members").size());
        JsonNode rtt = s.get("members").get(0);
        assertEquals("cisco_rtt/1/rtt", rtt.get("series").asText());
        assertEquals(150, rtt.get("t").asDouble(), 1e-9);
        assertEquals(List.of("r9:cpu/1/load"), List.of(s.get("missing").get(0).asText()));
        assertFalse(s.get("members").get(2).get("stored").asBoolean());
        assertEquals(300, s.get("windowSeconds").asLong());
        assertEquals(288, s.get("trend").size());
        assertEquals(6, s.get("complaints").size());
        JsonNode week = json(server.get("/api/services/voip?range=1w", "vic", Role.VIEWER), 200);
        assertTrue(week.get("trend").size() <= 400, "a week's trend is widened to stay readable");
        assertEquals(404, server.get("/api/services/nope", "vic", Role.VIEWER).statusCode());
    }

    @Test
    void theRedButtonRecordsTheCallerAndRateLimitsThem() throws Exception {
        JsonNode c = json(server.post("/api/services/voip/complaints", "", "rita", Role.REPORTER), 201);
        assertEquals("rita", c.get("user").asText());
        List<Complaint> stored = rb.complaints("voip", NOW);
        assertEquals(List.of(new Complaint("rita", "voip", NOW)), stored);
        // pressing again within 10 minutes: refused with the reason, nothing stored
        now.set(NOW.plus(Duration.ofMinutes(4)));
        HttpResponse<String> again = server.post("/api/services/voip/complaints", "{}", "rita", Role.REPORTER);
        assertEquals(429, again.statusCode());
        String error = Json.MAPPER.readTree(again.body()).get("error").asText();
        assertTrue(error.contains("10 minutes") && error.contains("2026-11-16T18:10:00Z"), error);
        assertEquals(1, rb.complaints("voip", NOW).size());
        JsonNode list = json(server.get("/api/services", "rita", Role.REPORTER), 200).get(0);
        assertEquals("2026-11-16T18:10:00Z", list.get("rateLimitedUntil").asText());
        // another user is not limited by rita's report; rita is again after 10 minutes
        json(server.post("/api/services/voip/complaints", "", "ola", Role.OPERATOR), 201);
        now.set(NOW.plus(Duration.ofMinutes(10)));
        json(server.post("/api/services/voip/complaints", "", "rita", Role.REPORTER), 201);
        assertEquals(3, rb.complaints("voip", NOW).size());
    }

    @Test
    void activePeriodsAreTheCallersAndChecked() throws Exception {
        json(server.post("/api/services/voip/active", "{\"from\":\"2026-11-16T08:00:00Z\",\"to\":\"2026-11-16T17:00:00Z\"}",
                "rita", Role.REPORTER), 201);
        assertEquals("rita", rb.activePeriods("voip", START).get(0).user());
        HttpResponse<String> inverted = server.post("/api/services/voip/active",
                "{\"from\":\"2026-11-16T17:00:00Z\",\"to\":\"2026-11-16T08:00:00Z\"}", "rita", Role.REPORTER);
        assertEquals(400, inverted.statusCode());
        assertTrue(inverted.body().contains("not before"), inverted.body());
        assertEquals(400, server.post("/api/services/voip/active", "{\"from\":\"yesterday\"}", "rita", Role.REPORTER)
                .statusCode());
    }

    @Test
    void suggestionsRankTheLatencyFirstAndAdminsAdoptIt() throws Exception {
        JsonNode a = json(server.get("/api/services/voip/suggestions", "vic", Role.VIEWER), 200);
        assertEquals(6, a.get("complaints_accepted").asInt());
        JsonNode first = a.get("metrics").get(0);
        assertEquals("r1:cisco_rtt/1/rtt", first.get("series").asText());
        assertTrue(first.get("significant").asBoolean());
        double tf = first.get("t_frustrated").asDouble();
        assertTrue(tf > 27 && tf <= 900, "T_frustrated between the good and bad levels: " + tf);
        assertFalse(a.get("metrics").get(1).get("significant").asBoolean(), "cpu load does not matter here");
        assertTrue(first.get("stored") == null, "looking records nothing");

        assertEquals(403, server.post("/api/services/voip/suggestions/adopt", "{\"series\":\"r1:cisco_rtt/1/rtt\"}",
                "vic", Role.VIEWER).statusCode());
        HttpResponse<String> cpu = server.post("/api/services/voip/suggestions/adopt", "{\"series\":\"r1:cpu/1/load\"}",
                "ada", Role.ADMIN);
        assertEquals(409, cpu.statusCode(), cpu.body());
        JsonNode done = json(server.post("/api/services/voip/suggestions/adopt", "{\"series\":\"r1:cisco_rtt/1/rtt\"}",
                "ada", Role.ADMIN), 200);
        assertEquals("adopted", done.get("outcome").asText());
        assertEquals("ada", done.get("adopted_by").asText());
        assertTrue(done.get("yaml").asText().contains("match: {device: \"r1\", metric: cisco_rtt/rtt, instance: \"1\"}"),
                done.get("yaml").asText());
        RedButtonStore.Suggestion stored = rb.latestSuggestion("voip", "r1:cisco_rtt/1/rtt").orElseThrow();
        assertEquals(Optional.of("ada"), stored.adoptedBy());
        List<AuditEntry> audit = users.audit().query(AuditQuery.latest(10));
        assertEquals(List.of("ada/voip/r1:cisco_rtt/1/rtt/true", "ada/voip/r1:cpu/1/load/false"), audit.stream()
                .filter(e -> e.action() == AuditAction.SUGGESTION_ADOPT)
                .map(e -> e.actor() + "/" + e.target() + "/" + e.ok()).toList());
        assertTrue(stored.evidence().contains("\"cliffs_delta\""), stored.evidence());
        JsonNode after = json(server.get("/api/services/voip/suggestions", "vic", Role.VIEWER), 200);
        assertEquals("ada", after.get("metrics").get(0).get("stored").get("adopted_by").asText());
        assertEquals(400, server.post("/api/services/voip/suggestions/adopt", "{\"series\":\"cisco_rtt/1/rtt\"}",
                "ada", Role.ADMIN).statusCode());
    }
}
