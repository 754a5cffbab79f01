package io.mibwatch.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.web.testing.Http;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mibwatch serve} as a process with the devices and services features wired: the daemon's
 * poll status reaches {@code /api/devices}, a configured service and the red button work, and the
 * community never appears in an answer.
 */
class WebDataServeIT {
    static final String COMMUNITY = "c0mmunity-s3cret-data";

    @TempDir
    Path tmp;

    @Test
    void theDaemonsDevicesAndServicesReachTheApi() throws Exception {
        Path cfg = tmp.resolve("mibwatch.yaml");
        Files.writeString(cfg, """
                defaults: {interval: 5s, timeout: 1s, retries: 0}
                credentials:
                  lab: {community: %s}
                devices:
                  - {name: dev1, address: 127.0.0.1, port: %d, credentials: lab}
                services:
                  - name: voip
                    members:
                      - {device: dev1, series: cpu/1/load, t: 80}
                """.formatted(COMMUNITY, WebServeIT.freeUdpPort()));
        Path data = tmp.resolve("data");
        Path log = tmp.resolve("serve.log");
        Process p = new WebServeIT().serve(cfg, data, log);
        List<String> bodies = new ArrayList<>();
        try {
            URI base = URI.create(WebServeIT.await(log, WebServeIT.URL));
            String password = WebServeIT.await(log, WebServeIT.PASSWORD);
            Http admin = Http.login(base, "admin", password);
            assertEquals(200, admin.get("/devices").statusCode());
            assertEquals(200, admin.get("/explorer").statusCode());
            assertEquals(200, admin.get("/report").statusCode());
            // dev1 never answers: once a cycle ended it is listed unreachable with its error
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            JsonNode dev1 = null;
            while (System.nanoTime() < deadline) {
                HttpResponse<String> r = admin.get("/api/devices");
                assertEquals(200, r.statusCode(), r.body());
                bodies.add(r.body());
                dev1 = Http.json(r).get(0);
                if (!dev1.get("reachable").isNull()) {
                    break;
                }
                Thread.sleep(300);
            }
            assertEquals("dev1", dev1.get("name").asText());
            assertFalse(dev1.get("reachable").asBoolean(), dev1.toString());
            assertTrue(dev1.get("consecutiveFailures").asInt() >= 1, dev1.toString());
            HttpResponse<String> services = admin.get("/api/services");
            assertEquals("voip", Http.json(services).get(0).get("name").asText());
            bodies.add(services.body());
            HttpResponse<String> complaint = admin.post("/api/services/voip/complaints", "{}");
            assertEquals(201, complaint.statusCode(), complaint.body());
            assertEquals("admin", Http.json(complaint).get("user").asText());
            HttpResponse<String> one = admin.get("/api/services/voip");
            assertEquals(1, Http.json(one).get("complaints").size(), one.body());
            bodies.add(one.body());
            assertEquals(404, admin.get("/api/series/dev1/cpu/1/load").statusCode(), "nothing stored yet");
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "exits after SIGTERM");
        }
        for (String b : bodies) {
            assertFalse(b.contains(COMMUNITY), b);
        }
        assertFalse(Files.readString(log).contains(COMMUNITY), "no community in the log");
    }
}
