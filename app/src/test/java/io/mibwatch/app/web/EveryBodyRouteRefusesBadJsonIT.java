package io.mibwatch.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.web.auth.LoginLimiter;
import io.mibwatch.web.auth.Sessions;
import io.mibwatch.web.auth.UserStore;
import io.mibwatch.web.auth.WebAuth;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.server.WebServer;
import io.mibwatch.web.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON body of {@code null} answered 500 with a NullPointerException on the body-taking routes.
 * This fuzzes every POST and PUT route of the appliance's real feature list
 * ({@link WebWiring#features}), present and future, with bodies that are not the expected object
 * (null, arrays, numbers, strings, deep nesting, broken JSON, too large) and with each field of a
 * valid body replaced by every wrong JSON type, a huge string or deep nesting, plus an unknown
 * field: the answer is 400 naming the field (or the route's documented outcome for an acceptable
 * body), never 500, and never a stack trace.
 */
class EveryBodyRouteRefusesBadJsonIT {
    private static final String SERVICE = "voip";
    private static final String TARGET_USER = "target";

    /** Routes that take no body: whatever is sent is ignored. */
    private static final Set<String> IGNORE_BODY = Set.of("POST /logout", "POST /api/services/{name}/complaints");

    private static final Pattern STACK_TRACE = Pattern.compile(
            "Exception|\\tat |\\bat (java|io|com|org)\\.|\\.java:\\d+");

    @TempDir
    Path tmp;

    /** What each valid body gets: success, or the documented refusal that comes after the body was read. */
    private static final Map<String, Integer> VALID_STATUS = Map.of(
            "POST /login", 200,
            "POST /api/alerts/{id}/ack", 404, // no such alert: the body was accepted
            "POST /api/silences", 201,
            "POST /api/users", 201,
            "PUT /api/users/{name}", 200,
            "POST /api/services/{name}/active", 201,
            "POST /api/services/{name}/suggestions/adopt", 409); // no complaints yet: nothing to adopt

    /** A valid body for each body-taking route (the fuzz starts from it); a new route must add one. */
    private static Map<String, String> validBodies(String adminPassword) {
        Instant now = Instant.now();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("POST /login", "{\"user\":\"admin\",\"password\":\"" + adminPassword + "\",\"next\":\"/\"}");
        m.put("POST /api/alerts/{id}/ack", "{\"comment\":\"on it\"}");
        m.put("POST /api/silences", "{\"device\":\"dev1\",\"metric\":\"cpu/*\",\"labels\":{\"site\":\"a\"},"
                + "\"duration\":\"1h\",\"start\":\"" + now + "\",\"comment\":\"maintenance\"}");
        m.put("POST /api/users", "{\"name\":\"fuzzed\",\"role\":\"viewer\",\"password\":\"long-enough-password\"}");
        m.put("PUT /api/users/{name}", "{\"role\":\"operator\",\"password\":\"another-long-password\"}");
        m.put("POST /api/services/{name}/active", "{\"from\":\"" + now.minus(Duration.ofHours(2))
                + "\",\"to\":\"" + now.minus(Duration.ofHours(1)) + "\"}");
        m.put("POST /api/services/{name}/suggestions/adopt", "{\"series\":\"dev1:cpu/1/load\",\"days\":7}");
        return m;
    }

    /** Bodies that are not a JSON object at all. */
    private static List<String> notAnObject() {
        return List.of("null", " null ", "[]", "[{}]", "[null]", "0", "42", "-1.5e308", "1e999", "\"text\"", "\"\"",
                "true", "false", "[".repeat(20_000) + "]".repeat(20_000), "\"" + "x".repeat(60_000) + "\"");
    }

    /** Bodies that are not JSON. */
    private static List<String> broken() {
        return List.of("", "   ", "{", "{\"a\":", "{'a':1}", "{\"a\":1}}", "{\"a\" 1}", "nul", "{\"a\":01}",
                "{\"a\":\"\\uZZZZ\"}", "{\"a\":NaN}", "{\"a\":1,}", "{" + "\"a\":{".repeat(5_000));
    }

    /** What a field is replaced with: every JSON type, emptiness, size and depth. */
    private static Map<String, String> replacements() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("null", "null");
        m.put("integer", "42");
        m.put("negative", "-1");
        m.put("float", "4.2");
        m.put("huge number", "1" + "0".repeat(400));
        m.put("boolean", "true");
        m.put("empty array", "[]");
        m.put("array", "[\"a\",1]");
        m.put("empty object", "{}");
        m.put("object", "{\"x\":{\"y\":1}}");
        m.put("empty string", "\"\"");
        m.put("control characters", "\"a\\u0000b\\n\\u001b[31m\"");
        m.put("huge string", "\"" + "x".repeat(60_000) + "\"");
        m.put("deep nesting", "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000));
        m.put("deep array", "[".repeat(3_000) + "]".repeat(3_000));
        return m;
    }

    @Test
    void everyBodyRouteAnswers400NamingTheFieldNeverA500() throws Exception {
        MibwatchConfig cfg = ConfigLoader.parse("""
                credentials:
                  lab: {community: public}
                devices:
                  - {name: dev1, address: 127.0.0.1, port: 9, credentials: lab}
                services:
                  - name: %s
                    members:
                      - {device: dev1, series: cpu/1/load, t: 80}
                """.formatted(SERVICE), "test.yaml");
        Clock clock = Clock.systemUTC();
        DataDir dir = new DataDir(tmp);
        try (Daemon daemon = new Daemon(cfg, dir, clock);
             UserStore users = UserStore.open(dir.usersDb(), clock, 4)) {
            String adminPassword = "admin-password-1";
            users.add("admin", Role.ADMIN, adminPassword.toCharArray());
            users.add(TARGET_USER, Role.VIEWER, "target-password-1".toCharArray());
            // the fuzz sends many wrong passwords from one address; the limiter is not what is tested here
            WebAuth auth = new WebAuth(users, new Sessions(clock, Duration.ofMinutes(30)),
                    new LoginLimiter(clock, new LoginLimiter.Limits(1_000_000, 1_000_000, Duration.ofMinutes(1))));
            var features = WebWiring.features(new WebWiring.Context(daemon, cfg, dir, clock, auth));
            WebServer server = WebServer.builder().listen("127.0.0.1", 0).auth(auth).features(features).build();
            server.start();
            Http admin = Http.bearer(server.url(), users.createToken("admin"));
            Http anon = Http.anonymous(server.url());
            Map<String, String> valid = validBodies(adminPassword);
            List<String> problems = new ArrayList<>();
            List<String> fuzzed = new ArrayList<>();
            int requests = 0;
            try {
                for (Route r : server.routes()) {
                    if (!r.method().equals("POST") && !r.method().equals("PUT")) {
                        continue;
                    }
                    String route = r.method() + " " + r.template();
                    fuzzed.add(route);
                    if (IGNORE_BODY.contains(route)) {
                        continue;
                    }
                    String sample = valid.get(route);
                    if (sample == null) {
                        problems.add(route + ": a new body-taking route; add a valid body to validBodies()");
                        continue;
                    }
                    String path = r.template().replace("{name}", r.template().startsWith("/api/users") ? TARGET_USER
                            : SERVICE).replace("{id}", "a-1");
                    Http http = r.template().equals("/login") ? anon : admin;
                    requests++;
                    HttpResponse<String> ok = http.send(r.method(), path, sample, Map.of());
                    check(route + " with a valid body", ok, problems);
                    if (ok.statusCode() != VALID_STATUS.get(route)) {
                        problems.add(route + " with the valid body " + sample + ": expected " + VALID_STATUS.get(route)
                                + ", got " + ok.statusCode() + " " + abbreviate(ok.body()));
                    }
                    for (String body : notAnObject()) {
                        requests++;
                        HttpResponse<String> resp = http.send(r.method(), path, body, Map.of());
                        String what = route + " with body " + abbreviate(body);
                        check(what, resp, problems);
                        if (resp.statusCode() != 400 || !error(resp).contains("expected a JSON object")) {
                            problems.add(what + ": expected 400 'expected a JSON object', got " + resp.statusCode()
                                    + " " + abbreviate(resp.body()));
                        }
                    }
                    for (String body : broken()) {
                        requests++;
                        HttpResponse<String> resp = http.send(r.method(), path, body, Map.of());
                        String what = route + " with body " + abbreviate(body);
                        check(what, resp, problems);
                        if (resp.statusCode() != 400) {
                            problems.add(what + ": expected 400, got " + resp.statusCode() + " " + abbreviate(resp.body()));
                        }
                    }
                    requests++;
                    String tooLarge = "{\"a\":\"" + "x".repeat(Json.MAX_BODY) + "\"}";
                    HttpResponse<String> large = http.send(r.method(), path, tooLarge, Map.of());
                    check(route + " with a body over " + Json.MAX_BODY + " bytes", large, problems);
                    if (large.statusCode() != 413) {
                        problems.add(route + " with a body over the limit: expected 413, got " + large.statusCode());
                    }
                    ObjectNode base = (ObjectNode) Json.MAPPER.readTree(sample);
                    requests++;
                    String unknown = base.deepCopy().put("zzz_unknown", 1).toString();
                    HttpResponse<String> u = http.send(r.method(), path, unknown, Map.of());
                    check(route + " with an unknown field", u, problems);
                    if (u.statusCode() != 400 || !error(u).contains("'zzz_unknown'")) {
                        problems.add(route + " with an unknown field: expected 400 naming 'zzz_unknown', got "
                                + u.statusCode() + " " + abbreviate(u.body()));
                    }
                    for (Iterator<String> names = base.fieldNames(); names.hasNext(); ) {
                        String field = names.next();
                        String kind = kind(base.get(field));
                        for (Map.Entry<String, String> rep : replacements().entrySet()) {
                            requests++;
                            String body = withField(sample, field, rep.getValue());
                            HttpResponse<String> resp = http.send(r.method(), path, body, Map.of());
                            String what = route + " with '" + field + "' as " + rep.getKey();
                            check(what, resp, problems);
                            String got = rawKind(rep.getValue());
                            boolean wrongType = !got.equals("null") && !got.equals(kind)
                                    && !(kind.equals("time") && got.equals("string"))
                                    && !(kind.equals("time") && got.equals("number")); // epoch seconds are a time too
                            if (wrongType && (resp.statusCode() != 400 || !error(resp).contains(field))) {
                                problems.add(what + ": a " + got + " where a " + kind + " belongs; expected 400 naming '"
                                        + field + "', got " + resp.statusCode() + " " + abbreviate(resp.body()));
                            }
                        }
                    }
                }
            } finally {
                features.forEach(f -> {
                    if (f instanceof AutoCloseable c) {
                        try {
                            c.close();
                        } catch (Exception ignored) {
                            // closing
                        }
                    }
                });
                server.close();
            }
            assertTrue(problems.isEmpty(), problems.size() + " problem(s):\n" + String.join("\n", problems));
            assertTrue(fuzzed.containsAll(List.of("POST /login", "POST /api/alerts/{id}/ack", "POST /api/silences",
                    "POST /api/users", "PUT /api/users/{name}", "POST /api/services/{name}/active")), fuzzed.toString());
            assertEquals(valid.size() + IGNORE_BODY.size(), fuzzed.size(), "every sample body is used: " + fuzzed);
            System.out.println("EveryBodyRouteRefusesBadJsonIT: " + requests + " requests to " + fuzzed);
        }
    }

    /** Never a 500, never a stack trace; an error is {@code {"error": message}} with a message. */
    private static void check(String what, HttpResponse<String> resp, List<String> problems) {
        int s = resp.statusCode();
        if (s >= 500) {
            problems.add(what + ": " + s + " " + abbreviate(resp.body()));
        }
        if (STACK_TRACE.matcher(resp.body()).find()) {
            problems.add(what + ": the answer shows internals: " + abbreviate(resp.body()));
        }
        if (s >= 400 && error(resp).isBlank()) {
            problems.add(what + ": " + s + " without an error message: " + abbreviate(resp.body()));
        }
    }

    private static String error(HttpResponse<String> resp) {
        try {
            JsonNode e = Json.MAPPER.readTree(resp.body()).get("error");
            return e == null ? "" : e.asText();
        } catch (Exception notJson) {
            return "";
        }
    }

    /** The sample's kind of value; ISO-8601 strings count as times (epoch numbers are accepted for them). */
    private static String kind(JsonNode n) {
        if (n.isTextual() && n.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
            return "time";
        }
        return n.isNull() ? "null" : n.isObject() ? "object" : n.isArray() ? "array" : n.isNumber() ? "number"
                : n.isBoolean() ? "boolean" : "string";
    }

    /** The kind of raw JSON text, from its first character (the text may be too deep to parse). */
    private static String rawKind(String json) {
        char c = json.charAt(0);
        return c == '{' ? "object" : c == '[' ? "array" : c == '"' ? "string" : json.equals("null") ? "null"
                : json.equals("true") || json.equals("false") ? "boolean" : "number";
    }

    /** The sample with one field's value replaced by raw JSON text (which may be too deep for a tree). */
    private static String withField(String sample, String field, String rawJson) throws Exception {
        ObjectNode o = (ObjectNode) Json.MAPPER.readTree(sample);
        o.put(field, "@@REPLACE@@");
        return o.toString().replace("\"@@REPLACE@@\"", rawJson);
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 100) + "...(" + s.length() + " chars)";
    }
}
