package io.mibwatch.web.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.testing.AlertDesk;
import io.mibwatch.web.testing.Http;
import io.mibwatch.web.testing.SseClient;
import io.mibwatch.web.testing.TestWeb;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The alert API and the event stream over real HTTP, with a real tracker and SQLite store behind. */
class AlertsApiIT {
    AlertDesk desk;
    AlertsFeature alerts;
    TestWeb web;
    Path dir;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("mibwatch-alerts-");
        desk = new AlertDesk(dir.resolve("mibwatch.db"), Clock.systemUTC());
        web = TestWeb.builder().dataDir(dir).featureWith(auth -> alerts = new AlertsFeature(desk.store(), desk,
                auth.users().audit(), Clock.systemUTC(), Duration.ofMillis(50))).start();
    }

    @AfterEach
    void stop() {
        alerts.close();
        web.close();
        desk.close();
    }

    static String path(String id) {
        return "/api/alerts/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    @Test
    void listIsSortedBySeverityThenNewestAndCounted() throws Exception {
        String warnOld = desk.fire("cpu-high", "srv1", "cpu/1/load", Severity.WARNING, 85);
        Thread.sleep(5);
        String crit = desk.fire("cpu-high", "srv2", "cpu/1/load", Severity.CRITICAL, 97);
        Thread.sleep(5);
        String warnNew = desk.fire("disk-full", "srv1", "storage/3/usedPct", Severity.WARNING, 92);
        JsonNode body = Http.json(web.http(Role.VIEWER).get("/api/alerts"));
        List<String> ids = new ArrayList<>();
        body.get("alerts").forEach(a -> ids.add(a.get("id").asText()));
        assertEquals(List.of(crit, warnNew, warnOld), ids);
        assertEquals(1, body.get("counts").get("critical").asInt());
        assertEquals(2, body.get("counts").get("warning").asInt());
        assertEquals(0, body.get("counts").get("info").asInt());
        JsonNode first = body.get("alerts").get(0);
        assertEquals("/devices/srv2", first.get("links").get("device").asText());
        assertEquals("/devices/srv2?series=cpu/1/load", first.get("links").get("graph").asText());
        assertEquals("FIRING", first.get("state").asText());
        assertEquals("critical", first.get("severity").asText());
        assertTrue(body.get("seq").asLong() >= 0);
    }

    @Test
    void resolvedAlertsOnlyWithAll() {
        desk.fire("cpu-high", "srv1", "cpu/1/load", Severity.WARNING, 85);
        desk.clear("cpu-high", "srv1", "cpu/1/load");
        Http v = web.http(Role.VIEWER);
        assertEquals(0, Http.json(v.get("/api/alerts")).get("alerts").size());
        JsonNode all = Http.json(v.get("/api/alerts?all=1")).get("alerts");
        assertEquals(1, all.size());
        assertEquals("RESOLVED", all.get(0).get("state").asText());
    }

    @Test
    void oneAlertWithItsTransitionsByEncodedId() {
        String id = desk.fire("cpu-high", "srv1", "cpu/1/load", Severity.WARNING, 85);
        HttpResponse<String> r = web.http(Role.VIEWER).get(path(id));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = Http.json(r);
        assertEquals(id, body.get("alert").get("id").asText());
        assertTrue(body.get("transitions").size() >= 1);
        assertEquals("FIRING", body.get("transitions").get(body.get("transitions").size() - 1).get("to").asText());
        HttpResponse<String> missing = web.http(Role.VIEWER).get(path("cpu-high@nope/cpu/1/load"));
        assertEquals(404, missing.statusCode());
        assertEquals("no alert 'cpu-high@nope/cpu/1/load'", Http.json(missing).get("error").asText());
    }

    @Test
    void operatorAcksWithCommentViewerMayNot() {
        String id = desk.fire("cpu-high", "srv1", "cpu/1/load", Severity.CRITICAL, 99);
        HttpResponse<String> viewer = web.http(Role.VIEWER).post(path(id) + "/ack", "{\"comment\":\"mine\"}");
        assertEquals(403, viewer.statusCode());
        Http op = web.http(Role.OPERATOR);
        HttpResponse<String> noCsrf = op.sendWithoutCsrf("POST", path(id) + "/ack", "{\"comment\":\"mine\"}");
        assertEquals(403, noCsrf.statusCode());
        HttpResponse<String> empty = op.post(path(id) + "/ack", "{\"comment\":\"  \"}");
        assertEquals(400, empty.statusCode());
        assertEquals("'comment' is required: say who is on it or why", Http.json(empty).get("error").asText());
        assertTrue(desk.store().alert(id).orElseThrow().ack().isEmpty(), "refused requests changed nothing");
        HttpResponse<String> ok = op.post(path(id) + "/ack", "{\"comment\":\"on it, ticket 4711\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode ack = Http.json(ok).get("alert").get("ack");
        assertEquals("operator", ack.get("user").asText());
        assertEquals("on it, ticket 4711", ack.get("comment").asText());
        assertEquals("operator", desk.store().alert(id).orElseThrow().ack().orElseThrow().user());
        desk.clear("cpu-high", "srv1", "cpu/1/load");
        HttpResponse<String> resolved = op.post(path(id) + "/ack", "{\"comment\":\"late\"}");
        assertEquals(409, resolved.statusCode(), "only a firing alert can be acknowledged: " + resolved.body());
    }

    /** The same spans as {@code mibwatch silence add --for} (AlertsCliTest): the one duration grammar. */
    @ParameterizedTest
    @CsvSource({"1w, 604800", "1h30m, 5400", "90s, 90", "31d, 2678400"})
    void silenceDurationTakesTheOneDurationGrammar(String span, long seconds) {
        HttpResponse<String> created = web.http(Role.OPERATOR).post("/api/silences", "{\"device\":\"srv1\",\"duration\":\""
                + span + "\",\"start\":\"2030-01-01T00:00:00Z\",\"comment\":\"CHG-9\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode s = Http.json(created);
        assertEquals(Duration.ofSeconds(seconds),
                Duration.between(Instant.parse(s.get("start").asText()), Instant.parse(s.get("end").asText())));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1x|'duration' 1x is not a duration (e.g. 500ms, 90s, 5m, 1h30m, 2d, 1w)",
            "30m1h|'duration' 30m1h is not a duration (e.g. 500ms, 90s, 5m, 1h30m, 2d, 1w)",
            "0s|'duration' must be positive, got 0s",
            "5w|a silence may last at most 31 days, got PT840H"})
    void badSilenceDurationNamesTheFieldAndTheValue(String span, String message) {
        HttpResponse<String> bad = web.http(Role.OPERATOR).post("/api/silences",
                "{\"device\":\"srv1\",\"duration\":\"" + span + "\",\"comment\":\"x\"}");
        assertEquals(400, bad.statusCode());
        assertEquals(message, Http.json(bad).get("error").asText());
    }

    @Test
    void silencesAddListRemove() {
        String id = desk.fire("cpu-high", "srv1", "cpu/1/load", Severity.WARNING, 85);
        Http op = web.http(Role.OPERATOR);
        HttpResponse<String> bad = op.post("/api/silences", "{\"device\":\"srv1\",\"duration\":\"soon\",\"comment\":\"x\"}");
        assertEquals(400, bad.statusCode());
        assertEquals("'duration' soon is not a duration (e.g. 500ms, 90s, 5m, 1h30m, 2d, 1w)",
                Http.json(bad).get("error").asText());
        HttpResponse<String> viewer = web.http(Role.VIEWER).post("/api/silences",
                "{\"device\":\"srv1\",\"duration\":\"1h\",\"comment\":\"x\"}");
        assertEquals(403, viewer.statusCode());
        HttpResponse<String> created = op.post("/api/silences",
                "{\"device\":\"srv1\",\"metric\":\"cpu/load\",\"duration\":\"2h\",\"comment\":\"maintenance CHG-1\"}");
        assertEquals(201, created.statusCode(), created.body());
        String sid = Http.json(created).get("id").asText();
        assertEquals(sid, desk.store().alert(id).orElseThrow().silencedBy().orElseThrow(), "applied at once");
        JsonNode list = Http.json(web.http(Role.VIEWER).get("/api/silences"));
        assertEquals(1, list.size());
        assertEquals("maintenance CHG-1", list.get(0).get("comment").asText());
        assertEquals("operator", list.get(0).get("createdBy").asText());
        assertTrue(list.get(0).get("active").asBoolean());
        assertEquals(204, op.delete("/api/silences/" + sid).statusCode());
        assertEquals(404, op.delete("/api/silences/" + sid).statusCode());
        assertTrue(desk.store().alert(id).orElseThrow().silencedBy().isEmpty());
    }

    @Test
    void streamDeliversNewTransitionsWithSequenceIds() throws Exception {
        desk.fire("cpu-high", "srv1", "cpu/1/load", Severity.WARNING, 85);
        long seq = Http.json(web.http(Role.VIEWER).get("/api/alerts")).get("seq").asLong();
        try (SseClient sse = SseClient.open(web.url("/api/alerts/stream?after=" + seq), web.token(Role.VIEWER), null)) {
            String id = desk.fire("cpu-high", "srv2", "cpu/1/load", Severity.CRITICAL, 97);
            SseClient.Event e = sse.next(Duration.ofSeconds(10));
            assertEquals("alert", e.event());
            JsonNode data = e.json();
            assertEquals(id, data.get("transition").get("alertId").asText());
            assertEquals(Long.parseLong(e.id()), data.get("seq").asLong());
            assertTrue(data.get("seq").asLong() > seq);
            assertEquals("critical", data.get("alert").get("severity").asText());
        }
    }

    @Test
    void reconnectWithLastEventIdLosesNothingAndRepeatsNothing() throws Exception {
        List<Long> seen = new ArrayList<>();
        String lastId;
        try (SseClient sse = SseClient.open(web.url("/api/alerts/stream?after=0"), web.token(Role.VIEWER), null)) {
            desk.fire("r", "a1", "g/1/m", Severity.WARNING, 1);
            desk.fire("r", "a2", "g/1/m", Severity.WARNING, 1);
            while (seen.size() < 2) {
                seen.add(Long.parseLong(sse.next(Duration.ofSeconds(10)).id()));
            }
            lastId = String.valueOf(seen.get(seen.size() - 1));
        }
        // while nobody listens, the daemon goes on
        desk.fire("r", "a3", "g/1/m", Severity.CRITICAL, 1);
        desk.clear("r", "a1", "g/1/m");
        desk.fire("r", "a4", "g/1/m", Severity.WARNING, 1);
        // several poll periods with no client open: the fan-out stops following the store then
        Thread.sleep(300);
        try (SseClient sse = SseClient.open(web.url("/api/alerts/stream?after=0"), web.token(Role.VIEWER), lastId)) {
            desk.fire("r", "a5", "g/1/m", Severity.WARNING, 1);
            long expectedLast = desk.store().latestSeq();
            while (seen.get(seen.size() - 1) < expectedLast) {
                seen.add(Long.parseLong(sse.next(Duration.ofSeconds(10)).id()));
            }
        }
        List<Long> all = desk.store().transitionsAfter(0, 1000).stream().map(t -> t.seq()).toList();
        assertEquals(all, seen, "every transition exactly once, in order, across the reconnect");
        assertTrue(all.size() >= 5, "fires and a clear happened: " + all);
    }

    @Test
    void streamEndsWhenItsLoginEnds() throws Exception {
        web.users().add("wall", Role.VIEWER, "wall-password".toCharArray());
        String token = web.users().createToken("wall");
        try (SseClient kept = SseClient.open(web.url("/api/alerts/stream"), web.token(Role.VIEWER), null);
             SseClient sse = SseClient.open(web.url("/api/alerts/stream"), token, null)) {
            desk.fire("r", "a1", "g/1/m", Severity.WARNING, 1);
            assertEquals("alert", sse.next(Duration.ofSeconds(10)).event(), "streaming while the user exists");
            web.users().remove("wall");
            assertTrue(sse.endsWithin(AlertStream.RECHECK_LOGIN.multipliedBy(3)), "the removed user's stream was ended");
            assertFalse(kept.endsWithin(Duration.ofMillis(200)), "other streams go on");
        }
    }

    @Test
    void streamNeedsAuthentication() {
        HttpResponse<String> r = web.anonymous().get("/api/alerts/stream");
        assertEquals(401, r.statusCode());
        assertEquals("login required (session cookie or Authorization: Bearer token)", Http.json(r).get("error").asText());
        HttpResponse<String> reporter = web.http(Role.REPORTER).get("/api/alerts");
        assertEquals(403, reporter.statusCode());
        assertNotNull(Map.of());
        assertFalse(web.anonymous().get("/api/alerts").body().contains("srv"));
    }
}
