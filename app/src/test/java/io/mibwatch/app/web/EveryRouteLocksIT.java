package io.mibwatch.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.web.auth.LoginLimiter;
import io.mibwatch.web.auth.Sessions;
import io.mibwatch.web.auth.UserStore;
import io.mibwatch.web.auth.WebAuth;
import io.mibwatch.web.http.Access;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.server.WebServer;
import io.mibwatch.web.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the appliance's real feature list ({@link WebWiring#features}), present and
 * future: unless it is PUBLIC, an anonymous request gets 401 JSON (API and state-changing) or a
 * redirect to the login page (pages), and a forged session cookie changes nothing.
 */
class EveryRouteLocksIT {
    @TempDir
    Path tmp;

    @Test
    void everyNonPublicRouteRefusesAnonymousCallers() throws Exception {
        MibwatchConfig cfg = ConfigLoader.parse("devices: []", "test.yaml");
        Clock clock = Clock.systemUTC();
        try (Daemon daemon = new Daemon(cfg, new DataDir(tmp), clock);
             UserStore users = UserStore.open(new DataDir(tmp).usersDb(), clock, 4)) {
            WebAuth auth = new WebAuth(users, new Sessions(clock, Duration.ofMinutes(30)),
                    new LoginLimiter(clock, LoginLimiter.Limits.DEFAULT));
            var features = WebWiring.features(new WebWiring.Context(daemon, cfg, new DataDir(tmp), clock, auth));
            WebServer server = WebServer.builder().listen("127.0.0.1", 0).auth(auth).features(features).build();
            server.start();
            List<String> checked = new ArrayList<>();
            try {
                Http anon = Http.anonymous(server.url());
                for (Route r : server.routes()) {
                    if (r.access() == Access.PUBLIC) {
                        continue;
                    }
                    String path = r.template().replaceAll("\\{[^}]+}", "x");
                    String body = r.method().equals("GET") || r.method().equals("DELETE") ? null : "{}";
                    for (Map<String, String> headers : List.of(Map.<String, String>of(),
                            Map.of("Cookie", WebAuth.COOKIE + "=forged-session-id"))) {
                        HttpResponse<String> resp = anon.send(r.method(), path, body, headers);
                        String what = r.method() + " " + path + " " + headers;
                        if (r.method().equals("GET") && !path.startsWith("/api/")) {
                            assertEquals(302, resp.statusCode(), what);
                            assertTrue(resp.headers().firstValue("Location").orElse("").startsWith("/login?next="), what);
                        } else {
                            assertEquals(401, resp.statusCode(), what + ": " + resp.body());
                            assertTrue(Http.json(resp).get("error").asText().startsWith("login required"), what);
                        }
                    }
                    checked.add(r.method() + " " + r.template());
                }
                // public for the pipeline, locked by its own handler (the scrape token is no user)
                assertEquals(401, anon.get("/metrics").statusCode(), "/metrics without a token");
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
            assertTrue(checked.contains("GET /") && checked.contains("GET /api/alerts")
                    && checked.contains("POST /api/alerts/{id}/ack") && checked.contains("GET /admin/users"), checked.toString());
            System.out.println("EveryRouteLocksIT: " + checked.size() + " routes checked: " + checked);
        }
    }
}
