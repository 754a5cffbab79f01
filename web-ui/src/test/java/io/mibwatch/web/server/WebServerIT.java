package io.mibwatch.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.web.auth.LoginLimiter;
import io.mibwatch.web.http.Access;
import io.mibwatch.web.http.HttpError;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.WebFeature;
import io.mibwatch.web.testing.Http;
import io.mibwatch.web.testing.TestWeb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's contract over real HTTP: routing, access, CSRF, errors, headers, static assets. */
class WebServerIT {
    static final AtomicInteger CHANGES = new AtomicInteger();
    static TestWeb web;

    /** One route per access level, plus failing handlers. */
    static final class Probe implements WebFeature {
        @Override
        public List<Route> routes() {
            return List.of(
                    Route.get("/api/probe/view", Access.VIEW, ex -> Json.ok(ex, Map.of("ok", "view"))),
                    Route.get("/api/probe/report", Access.REPORT, ex -> Json.ok(ex, Map.of("ok", "report"))),
                    Route.get("/api/probe/admin", Access.ADMIN, ex -> Json.ok(ex, Map.of("ok", "admin"))),
                    Route.post("/api/probe/change", Access.OPERATE, ex -> {
                        CHANGES.incrementAndGet();
                        Json.ok(ex, Map.of("ok", "changed"));
                    }),
                    Route.get("/api/probe/item/{name}", Access.VIEW,
                            ex -> Json.ok(ex, Map.of("name", Json.pathParam(ex, "name")))),
                    Route.get("/api/probe/bad", Access.VIEW, ex -> {
                        throw HttpError.badRequest("field 'x' is 'y', expected a number");
                    }),
                    Route.get("/api/probe/boom", Access.VIEW, ex -> {
                        throw new IllegalStateException("secret internal detail at line 42");
                    }),
                    Route.post("/api/probe/body", Access.OPERATE, ex -> {
                        ProbeBody b = Json.read(ex, ProbeBody.class);
                        Json.ok(ex, Map.of("name", String.valueOf(b.name()), "count", String.valueOf(b.count())));
                    }),
                    Route.page("/probe/page", Access.VIEW, "login.html"));
        }
    }

    record ProbeBody(String name, Integer count, Map<String, String> labels) {
    }

    @BeforeAll
    static void start() {
        web = TestWeb.builder().feature(new Probe())
                .limits(new LoginLimiter.Limits(3, 50, Duration.ofMinutes(15))).start();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    static Stream<Arguments> access() {
        return Stream.of(
                Arguments.of("/api/probe/view", Role.REPORTER, 403),
                Arguments.of("/api/probe/view", Role.VIEWER, 200),
                Arguments.of("/api/probe/view", Role.OPERATOR, 200),
                Arguments.of("/api/probe/view", Role.ADMIN, 200),
                Arguments.of("/api/probe/report", Role.REPORTER, 200),
                Arguments.of("/api/probe/report", Role.VIEWER, 200),
                Arguments.of("/api/probe/admin", Role.OPERATOR, 403),
                Arguments.of("/api/probe/admin", Role.ADMIN, 200));
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("access")
    void accessIsEnforcedBeforeTheHandler(String path, Role role, int status) {
        HttpResponse<String> r = web.http(role).get(path);
        assertEquals(status, r.statusCode(), r.body());
        if (status == 403) {
            assertTrue(Http.json(r).get("error").asText().startsWith("role " + role.label() + " may not"), r.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/probe/view", "/api/probe/report", "/api/session"})
    void unauthenticatedApiGets401Json(String path) {
        HttpResponse<String> r = web.anonymous().get(path);
        assertEquals(401, r.statusCode());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(Http.json(r).get("error").asText().startsWith("login required"), r.body());
        assertEquals("Bearer realm=\"mibwatch\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void unauthenticatedPageRedirectsToLoginAndBack() {
        HttpResponse<String> r = web.anonymous().get("/probe/page?x=1");
        assertEquals(302, r.statusCode());
        assertEquals("/login?next=%2Fprobe%2Fpage%3Fx%3D1", r.headers().firstValue("Location").orElse(""));
    }

    @Test
    void postWithoutCsrfTokenIsRefusedAndHandlerDoesNotRun() {
        Http op = web.http(Role.OPERATOR);
        int before = CHANGES.get();
        HttpResponse<String> missing = op.sendWithoutCsrf("POST", "/api/probe/change", "{}");
        assertEquals(403, missing.statusCode());
        assertTrue(Http.json(missing).get("error").asText().contains("CSRF"), missing.body());
        HttpResponse<String> wrong = op.send("POST", "/api/probe/change", "{}", Map.of("X-CSRF-Token", "forged"));
        assertEquals(403, wrong.statusCode());
        assertEquals(before, CHANGES.get(), "the handler must not have run");
        HttpResponse<String> ok = op.post("/api/probe/change", "{}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(before + 1, CHANGES.get());
    }

    @Test
    void bearerTokenCallersNeedNoCsrfTokenButAValidToken() {
        HttpResponse<String> ok = web.tokenHttp(Role.OPERATOR).post("/api/probe/change", "{}");
        assertEquals(200, ok.statusCode(), ok.body());
        HttpResponse<String> viewer = web.tokenHttp(Role.VIEWER).post("/api/probe/change", "{}");
        assertEquals(403, viewer.statusCode(), "the token's role still applies");
        HttpResponse<String> bad = Http.bearer(web.url(), "mwt_not-a-token").get("/api/probe/view");
        assertEquals(401, bad.statusCode());
        assertTrue(Http.json(bad).get("error").asText().contains("API token not valid"), bad.body());
        JsonNode s = Http.json(web.tokenHttp(Role.VIEWER).get("/api/session"));
        assertEquals("viewer", s.get("user").asText());
        assertTrue(s.get("csrf").isNull(), "token callers have no CSRF token");
    }

    @Test
    void crossOriginPostIsRefusedEvenWithToken() {
        Http op = web.http(Role.OPERATOR);
        HttpResponse<String> r = op.send("POST", "/api/probe/change", "{}", Map.of("Origin", "http://evil.example"));
        assertEquals(403, r.statusCode());
        String own = "http://127.0.0.1:" + web.server().port();
        assertEquals(200, op.send("POST", "/api/probe/change", "{}", Map.of("Origin", own)).statusCode());
        assertEquals(403, op.send("POST", "/api/probe/change", "{}", Map.of("Origin", "null")).statusCode());
    }

    @Test
    void errorsAreJsonAndHideInternals() {
        Http v = web.http(Role.VIEWER);
        HttpResponse<String> bad = v.get("/api/probe/bad");
        assertEquals(400, bad.statusCode());
        assertEquals("field 'x' is 'y', expected a number", Http.json(bad).get("error").asText());
        HttpResponse<String> boom = v.get("/api/probe/boom");
        assertEquals(500, boom.statusCode());
        assertEquals("internal error; the details are in the server log", Http.json(boom).get("error").asText());
        assertFalse(boom.body().contains("secret internal detail"));
        assertFalse(boom.body().contains("IllegalStateException"));
        HttpResponse<String> missing = v.get("/api/nothing/here");
        assertEquals(404, missing.statusCode());
        assertEquals("no such path: /api/nothing/here", Http.json(missing).get("error").asText());
        HttpResponse<String> method = v.delete("/api/probe/view");
        assertEquals(405, method.statusCode());
        assertEquals("GET", method.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void pathParametersAreDecoded() {
        HttpResponse<String> r = web.http(Role.VIEWER).get("/api/probe/item/core%201");
        assertEquals("core 1", Http.json(r).get("name").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/static/js/api.js", "/api/session", "/nowhere", "/probe/page"})
    void securityHeadersOnEveryAnswer(String path) {
        HttpResponse<String> r = web.anonymous().get(path);
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.startsWith("default-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
    }

    @Test
    void staticAssetsArePublicAndConfined() {
        Http anon = web.anonymous();
        HttpResponse<String> js = anon.get("/static/js/api.js");
        assertEquals(200, js.statusCode());
        assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, anon.get("/static/js/none.js").statusCode());
        assertEquals(404, anon.get("/static/../server/Pipeline.class").statusCode());
        assertEquals(404, anon.get("/static/%2e%2e/%2e%2e/io/mibwatch/web/http/Json.class").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/js/", "/static/js", "/static/css/", "/static/css"})
    void staticDirectoryIsNotFoundNotAnEmptyOctetStream(String path) {
        HttpResponse<String> r = web.anonymous().get(path);
        assertEquals(404, r.statusCode(), () -> path + " answered " + r.headers() + " " + r.body());
        assertFalse(r.headers().firstValue("Content-Type").orElse("").contains("octet-stream"), r.headers()::toString);
    }

    @Test
    void aPortInUseFailsTheStartNamingHostAndPort() {
        int taken = web.server().port();
        WebServer second = WebServer.builder().listen("127.0.0.1", taken).auth(web.auth()).features(List.of()).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, second::start);
        assertTrue(e.getMessage().contains("127.0.0.1:" + taken), e.getMessage());
    }

    @Test
    void sessionCookieIsHttpOnlyStrictAndLogoutEndsIt() {
        Http anon = web.anonymous();
        HttpResponse<String> r = anon.send("POST", "/login",
                "{\"user\":\"viewer\",\"password\":\"" + TestWeb.password(Role.VIEWER) + "\"}", Map.of());
        String cookie = r.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("mibwatch_session="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.toLowerCase(java.util.Locale.ROOT).contains("secure"),
                "plain HTTP: a Secure cookie would never come back");
        Http viewer = web.http(Role.VIEWER);
        assertEquals(200, viewer.get("/api/session").statusCode());
        assertEquals(204, viewer.post("/logout", null).statusCode());
        assertEquals(401, viewer.get("/api/session").statusCode());
    }

    @Test
    void loginRateLimitPerUser() {
        web.users().add("limited", Role.VIEWER, "right-password".toCharArray());
        Http anon = web.anonymous();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = anon.send("POST", "/login", "{\"user\":\"limited\",\"password\":\"wrong\"}", Map.of());
            assertEquals(401, r.statusCode());
        }
        HttpResponse<String> locked = anon.send("POST", "/login",
                "{\"user\":\"limited\",\"password\":\"right-password\"}", Map.of());
        assertEquals(429, locked.statusCode(), "even the right password is refused while locked");
        assertTrue(locked.headers().firstValue("Retry-After").isPresent(), "429 says when to come back");
        HttpResponse<String> form = anon.send("POST", "/login", null, Map.of());
        assertEquals(400, form.statusCode(), "no body at all is a bad request: " + form.body());
    }

    @Test
    void wrongPasswordsFromOneAddressDoNotLockTheUserOutFromAnother() throws IOException {
        web.users().add("sieged", Role.ADMIN, "right-password".toCharArray());
        Http attacker = web.anonymous(); // from 127.0.0.1
        for (int i = 0; i < 4; i++) {
            attacker.send("POST", "/login", "{\"user\":\"sieged\",\"password\":\"wrong\"}", Map.of());
        }
        assertEquals(429, attacker.send("POST", "/login",
                "{\"user\":\"sieged\",\"password\":\"right-password\"}", Map.of()).statusCode());
        String answer = loginFrom("127.0.0.2", "{\"user\":\"sieged\",\"password\":\"right-password\"}");
        assertTrue(answer.startsWith("HTTP/1.1 200"), "the admin logs in from an address with no failures: " + answer);
        assertTrue(web.auth().limiter().lockouts() >= 1, "the lockout was counted");
    }

    /** body, status, a text the error must contain. */
    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("null", 400, "request body is null; expected a JSON object with fields name, count, labels"),
                Arguments.of("[]", 400, "request body is an array; expected a JSON object"),
                Arguments.of("42", 400, "request body is a number; expected a JSON object"),
                Arguments.of("\"x\"", 400, "request body is a string; expected a JSON object"),
                Arguments.of("", 400, "request body is empty; expected a JSON object"),
                Arguments.of("{\"name\":", 400, "invalid JSON body"),
                Arguments.of("{\"name\":5}", 400, "field 'name': expected a string, got a number"),
                Arguments.of("{\"name\":true}", 400, "field 'name': expected a string, got a boolean"),
                Arguments.of("{\"name\":{}}", 400, "field 'name': expected a string, got an object"),
                Arguments.of("{\"count\":\"7\"}", 400, "field 'count': expected an integer, got a string"),
                Arguments.of("{\"count\":7.5}", 400, "field 'count': expected an integer, got a number"),
                Arguments.of("{\"labels\":{\"site\":[1]}}", 400, "field 'labels.site': expected a string, got an array"),
                Arguments.of("{\"labels\":[]}", 400, "field 'labels': expected an object, got an array"),
                Arguments.of("{\"nmae\":\"x\"}", 400, "unknown field 'nmae' in the request body; known fields: count, labels, name"),
                Arguments.of("{\"labels\":" + "[".repeat(100) + "]".repeat(100) + "}", 400,
                        "field 'labels' is nested deeper than 32 levels"),
                Arguments.of("[".repeat(5000) + "]".repeat(5000), 400, "request body is an array nested deeper than 32 levels"),
                Arguments.of("{\"name\":\"ann\",\"count\":7,\"labels\":{}}", 200, "ann"),
                Arguments.of("{\"name\":null}", 200, "null"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("bodies")
    void aBodyThatIsNotTheExpectedObjectIs400NamingTheField(String body, int status, String text) {
        HttpResponse<String> r = web.http(Role.OPERATOR).send("POST", "/api/probe/body", body, Map.of());
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains(text), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("io.mibwatch"), "no internals: " + r.body());
    }

    @Test
    void aJsonLoginNamesTheMissingField() {
        Http anon = web.anonymous();
        HttpResponse<String> noUser = anon.send("POST", "/login", "{\"password\":\"x\"}", Map.of());
        assertEquals(400, noUser.statusCode(), noUser.body());
        assertEquals("field 'user' is required (a string)", Http.json(noUser).get("error").asText());
        HttpResponse<String> noPassword = anon.send("POST", "/login", "{\"user\":\"viewer\",\"password\":null}", Map.of());
        assertEquals(400, noPassword.statusCode(), noPassword.body());
        assertEquals("field 'password' is required (a string)", Http.json(noPassword).get("error").asText());
        HttpResponse<String> nullBody = anon.send("POST", "/login", "null", Map.of());
        assertEquals(400, nullBody.statusCode(), nullBody.body());
        assertEquals("request body is null; expected a JSON object with fields user, password, next",
                Http.json(nullBody).get("error").asText());
    }

    /** POST /login from another loopback address (java.net.http cannot choose the local address). */
    private static String loginFrom(String localAddress, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            s.connect(new InetSocketAddress(web.url().getHost(), web.url().getPort()), 5000);
            s.setSoTimeout(20_000);
            String head = "POST /login HTTP/1.1\r\nHost: " + web.url().getHost() + ":" + web.url().getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
