package io.mibwatch.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.web.alerts.AlertsFeature;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.testing.AlertDesk;
import io.mibwatch.web.testing.Http;
import io.mibwatch.web.testing.TestWeb;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit trail written by logins, acks and user changes over real HTTP, and its admin-only API. */
class AuditIT {
    Path dir;
    AlertDesk desk;
    AlertsFeature alerts;
    TestWeb web;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("mibwatch-audit-");
        desk = new AlertDesk(dir.resolve("mibwatch.db"), Clock.systemUTC());
        web = TestWeb.builder().dataDir(dir)
                .featureWith(auth -> alerts = new AlertsFeature(desk.store(), desk, auth.users().audit(),
                        Clock.systemUTC(), Duration.ofMillis(50)))
                .featureWith(UsersFeature::new)
                .featureWith(auth -> new AuditFeature(auth.users().audit(), Clock.systemUTC()))
                .start();
    }

    @AfterEach
    void stop() {
        alerts.close();
        web.close();
        desk.close();
    }

    private List<AuditEntry> entries(AuditAction action) {
        return web.users().audit().query(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(action), 100));
    }

    @Test
    void aFailedLoginIsRecordedWithTheRemoteAddressAndNoPassword() {
        HttpResponse<String> r = Http.anonymous(web.url()).post("/login",
                "{\"user\":\"operator\",\"password\":\"guessed-wrong-1\"}");
        assertEquals(401, r.statusCode(), r.body());
        List<AuditEntry> failed = entries(AuditAction.LOGIN_FAILED);
        assertEquals(1, failed.size(), failed.toString());
        AuditEntry e = failed.get(0);
        assertEquals("operator", e.actor());
        assertEquals("127.0.0.1", e.source());
        assertFalse(e.ok());
        assertFalse(e.toString().contains("guessed-wrong-1"), "never the password: " + e);

        web.http(Role.OPERATOR);
        AuditEntry ok = entries(AuditAction.LOGIN_OK).get(0);
        assertEquals(List.of("operator", "127.0.0.1", true), List.of(ok.actor(), ok.source(), ok.ok()));
    }

    @Test
    void aLoginRefusedByTheLockoutIsRecordedAsFailed() {
        Http anon = Http.anonymous(web.url());
        int last = 0;
        for (int i = 0; i <= LoginLimiter.Limits.DEFAULT.perUserAddress() && last != 429; i++) {
            last = anon.post("/login", "{\"user\":\"viewer\",\"password\":\"guess-" + i + "\"}").statusCode();
        }
        assertEquals(429, last);
        AuditEntry refused = entries(AuditAction.LOGIN_FAILED).get(0);
        assertEquals(List.of("viewer", "127.0.0.1", false), List.of(refused.actor(), refused.source(), refused.ok()));
        assertTrue(refused.detail().startsWith("locked out for "), refused.detail());
    }

    @Test
    void anAckIsRecordedWithTheAlertTheUserAndTheRemoteAddress() {
        String id = desk.fire("cpu-high", "srv1", "cpu/1/load", Severity.CRITICAL, 99);
        HttpResponse<String> ack = web.http(Role.OPERATOR).post(
                "/api/alerts/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/ack", "{\"comment\":\"on it\"}");
        assertEquals(200, ack.statusCode(), ack.body());
        List<AuditEntry> acks = entries(AuditAction.ACK);
        assertEquals(1, acks.size(), acks.toString());
        AuditEntry e = acks.get(0);
        assertEquals(List.of("operator", "127.0.0.1", id, true, "on it"),
                List.of(e.actor(), e.source(), e.target(), e.ok(), e.detail()));
    }

    @Test
    void silencesAddedAndRemovedAreRecorded() {
        Http op = web.http(Role.OPERATOR);
        HttpResponse<String> s = op.post("/api/silences", "{\"device\":\"srv1\",\"duration\":\"1h\",\"comment\":\"CHG-7\"}");
        assertEquals(201, s.statusCode(), s.body());
        String sid = Http.json(s).get("id").asText();
        assertEquals(204, op.delete("/api/silences/" + sid).statusCode());
        assertEquals(404, op.delete("/api/silences/" + sid).statusCode());
        AuditEntry added = entries(AuditAction.SILENCE_ADD).get(0);
        assertEquals(List.of("operator", "127.0.0.1", sid, true), List.of(added.actor(), added.source(), added.target(), added.ok()));
        assertTrue(added.detail().startsWith("device srv1, metric *, until "), added.detail());
        List<AuditEntry> removed = entries(AuditAction.SILENCE_REMOVE);
        assertEquals(List.of(false, true), removed.stream().map(AuditEntry::ok).toList(), "the second removal found none");
    }

    @Test
    void userChangesAreRecordedWithoutThePassword() {
        Http admin = web.http(Role.ADMIN);
        assertEquals(201, admin.post("/api/users",
                "{\"name\":\"nina\",\"role\":\"viewer\",\"password\":\"nina-secret-pw\"}").statusCode());
        assertEquals(200, admin.send("PUT", "/api/users/nina", "{\"password\":\"nina-secret-pw2\"}",
                java.util.Map.of()).statusCode());
        assertEquals(204, admin.delete("/api/users/nina").statusCode());
        assertEquals("role viewer", entries(AuditAction.USER_ADD).get(0).detail());
        assertEquals("password changed", entries(AuditAction.USER_CHANGE).get(0).detail());
        assertEquals("nina", entries(AuditAction.USER_REMOVE).get(0).target());
        String all = web.users().audit().query(AuditQuery.latest(100)).toString();
        assertFalse(all.contains("nina-secret"), all);
    }

    @Test
    void onlyAdminsReadTheAuditTrailNewestFirstInPages() {
        assertEquals(403, web.http(Role.VIEWER).get("/api/audit").statusCode());
        assertEquals(403, web.http(Role.OPERATOR).get("/api/audit").statusCode());
        assertEquals(401, web.anonymous().get("/api/audit").statusCode());
        Http admin = web.http(Role.ADMIN);
        JsonNode all = Http.json(admin.get("/api/audit"));
        assertTrue(all.get("entries").size() >= 3, all.toString());
        assertFalse(all.has("next_before"), "one page holds everything");
        JsonNode first = Http.json(admin.get("/api/audit?limit=1"));
        assertEquals(1, first.get("entries").size());
        assertEquals("admin", first.get("entries").get(0).get("actor").asText());
        assertEquals("login_ok", first.get("entries").get(0).get("action").asText());
        long next = first.get("next_before").asLong();
        JsonNode second = Http.json(admin.get("/api/audit?limit=1&before=" + next));
        assertTrue(second.get("entries").get(0).get("id").asLong() < next);
        JsonNode logins = Http.json(admin.get("/api/audit?action=login_ok&user=viewer&since=1h"));
        assertEquals(1, logins.get("entries").size(), logins.toString());
        HttpResponse<String> bad = admin.get("/api/audit?action=acked");
        assertEquals(400, bad.statusCode());
        assertTrue(Http.json(bad).get("error").asText().startsWith("query parameter 'action': unknown audit action 'acked'"));
        assertEquals("query parameter 'limit': 'x' is not a positive whole number",
                Http.json(admin.get("/api/audit?limit=x")).get("error").asText());
        assertEquals("query parameter 'since': 'yesterday' is neither a duration (" + io.mibwatch.core.time.DurationText.EXAMPLES
                + ") nor an ISO-8601 time (2026-11-21T10:00:00Z)",
                Http.json(admin.get("/api/audit?since=yesterday")).get("error").asText());
    }
}
