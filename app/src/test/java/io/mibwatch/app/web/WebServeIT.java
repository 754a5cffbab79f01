package io.mibwatch.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.app.Main;
import io.mibwatch.web.testing.Http;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mibwatch serve} as a process: the web UI comes up on the --http-listen address, the first
 * admin password is printed once and works, the unauthenticated contract holds, /metrics answers
 * the scrape token, SIGTERM stops everything with exit 0, and no secret reaches the log or an answer.
 */
class WebServeIT {
    static final String COMMUNITY = "c0mmunity-s3cret-xyz";
    static final String SCRAPE = "scrape-0123456789abcdef";
    static final Pattern URL = Pattern.compile("web UI: (http://127\\.0\\.0\\.1:\\d+/)");
    static final Pattern PASSWORD = Pattern.compile("first admin password: (\\S+)");

    @TempDir
    Path tmp;

    /** A UDP port nobody answers on: dev1 never replies, so it is polled and found unreachable. */
    static int freeUdpPort() throws java.io.IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    Process serve(Path cfg, Path data, Path log) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--config", cfg.toString(), "--data", data.toString(), "--http-listen", "127.0.0.1:0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static String await(Path log, Pattern p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = p.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + p + "' in the log:\n" + Files.readString(log));
    }

    @Test
    void serveStartsTheWebUiAndStopsCleanly() throws Exception {
        Path cfg = tmp.resolve("mibwatch.yaml");
        Files.writeString(cfg, """
                defaults: {interval: 5s, timeout: 1s, retries: 0}
                credentials:
                  lab: {community: %s}
                devices:
                  - {name: dev1, address: 127.0.0.1, port: %d, credentials: lab}
                http:
                  metrics_token: %s
                """.formatted(COMMUNITY, freeUdpPort(), SCRAPE));
        Path data = tmp.resolve("data");
        Path log = tmp.resolve("serve.log");
        Process p = serve(cfg, data, log);
        List<String> bodies = new java.util.ArrayList<>();
        try {
            URI base = URI.create(await(log, URL));
            String password = await(log, PASSWORD);

            Http anon = Http.anonymous(base);
            HttpResponse<String> alerts = anon.get("/api/alerts");
            assertEquals(401, alerts.statusCode());
            assertEquals("login required (session cookie or Authorization: Bearer token)",
                    Http.json(alerts).get("error").asText());
            HttpResponse<String> root = anon.get("/");
            assertEquals(302, root.statusCode());
            assertEquals("/login?next=%2F", root.headers().firstValue("Location").orElse(""));
            assertEquals(200, anon.get("/login").statusCode());
            assertEquals(401, anon.get("/metrics").statusCode());

            Http admin = Http.login(base, "admin", password);
            assertEquals("admin", Http.json(admin.get("/api/session")).get("role").asText());
            HttpResponse<String> list = admin.get("/api/alerts");
            assertEquals(200, list.statusCode(), list.body());
            bodies.add(list.body());
            bodies.add(admin.get("/api/users").body());

            // the daemon polls dev1 (nobody answers): its health reaches /metrics
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String metrics = "";
            while (!metrics.contains("mibwatch_polls_total{device=\"dev1\"} 1") && System.nanoTime() < deadline) {
                Thread.sleep(300);
                HttpResponse<String> m = Http.bearer(base, SCRAPE).get("/metrics");
                assertEquals(200, m.statusCode());
                metrics = m.body();
            }
            assertTrue(metrics.contains("mibwatch_device_up{device=\"dev1\"} 0"), metrics);
            assertTrue(metrics.contains("mibwatch_alerts_active{severity=\"critical\"}"), metrics);
            bodies.add(metrics);
        } finally {
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "exits after SIGTERM");
        }
        String text = Files.readString(log);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("web server stopped"), text);
        String password = await(log, PASSWORD);
        assertEquals(1, text.split(Pattern.quote(password), -1).length - 1, "the password appears exactly once:\n" + text);
        assertFalse(text.contains(COMMUNITY), "no community in the log");
        assertFalse(text.contains(SCRAPE), "no scrape token in the log");
        for (String b : bodies) {
            assertFalse(b.contains(COMMUNITY) || b.contains(SCRAPE) || b.contains(password), b);
        }

        // second start on the same data: the admin exists, nothing is generated or printed
        Path log2 = tmp.resolve("serve2.log");
        Process again = serve(cfg, data, log2);
        try {
            await(log2, URL);
        } finally {
            again.destroy();
            assertTrue(again.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(Files.readString(log2).contains("first admin password"), Files.readString(log2));
        assertEquals(0, again.exitValue());
    }
}
