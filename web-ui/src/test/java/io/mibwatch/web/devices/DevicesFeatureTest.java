package io.mibwatch.web.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.testdata.FeatureServer;
import io.mibwatch.web.testdata.RrdFixture;
import io.mibwatch.web.testdata.StaticDirectory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devices API over real RRD files and a directory standing in for the daemon. */
class DevicesFeatureTest {
    static final Instant T0 = Instant.parse("2026-11-16T11:00:00Z");
    static final String ALIAS = "<img src=x onerror=alert(1)> uplink";

    @TempDir
    Path dir;
    RrdSeriesStore store;
    FeatureServer server;

    @BeforeEach
    void setUp() {
        store = RrdFixture.store(dir);
        List<SeriesId> series = new ArrayList<>();
        for (String i : List.of("10", "2", "1")) {
            series.add(new SeriesId("core1", "interfaces", i, "inOctets"));
        }
        series.add(new SeriesId("core1", "cpu", "196608", "load"));
        series.add(new SeriesId("core1", "system", "", "uptime"));
        series.add(new SeriesId("core1", "cisco_rtt", "7", "rtt"));
        series.add(new SeriesId("gone1", "cpu", "1", "load"));
        for (SeriesId s : series) {
            RrdFixture.write(store, List.of(s), T0, T0.plus(Duration.ofMinutes(3)), (x, t) -> 1.0);
        }
        DeviceDirectory.Device core1 = new DeviceDirectory.Device("core1", "192.0.2.1",
                Optional.of(new DeviceDirectory.PollStatus(true, T0, Duration.ofMillis(420), 0, Optional.empty(), 12, 1)),
                "Cisco IOS <b>15.2</b>",
                Map.of("interfaces/2", new DeviceDirectory.InstanceLabel("Gi0/2", ALIAS)));
        DeviceDirectory.Device edge = new DeviceDirectory.Device("edge7", "192.0.2.7",
                Optional.of(new DeviceDirectory.PollStatus(false, T0, Duration.ofSeconds(15), 4,
                        Optional.of("timeout after 5 s (2 retries) to 192.0.2.7:161"), 30, 4)), "Linux edge7", Map.of());
        DeviceDirectory.Device fresh = new DeviceDirectory.Device("new9", "192.0.2.9", Optional.empty(), "", Map.of());
        server = new FeatureServer(new DevicesFeature(new StaticDirectory(List.of(edge, core1, fresh)), store,
                MetricUnits.of(MetricCatalog.standard())));
    }

    @AfterEach
    void tearDown() {
        server.close();
        store.close();
    }

    JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = server.get(path, "vic", Role.VIEWER);
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void theListShowsPollStatusOfConfiguredDevicesThenStoredOnlyOnes() throws Exception {
        JsonNode list = ok("/api/devices");
        assertEquals(List.of("core1", "edge7", "new9", "gone1"), names(list));
        JsonNode core1 = list.get(0);
        assertTrue(core1.get("reachable").asBoolean());
        assertEquals(420, core1.get("lastDurationMs").asLong());
        assertEquals(T0.toString(), core1.get("lastPoll").asText());
        JsonNode edge = list.get(1);
        assertEquals(false, edge.get("reachable").asBoolean());
        assertEquals(4, edge.get("consecutiveFailures").asInt());
        assertTrue(edge.get("lastError").asText().contains("timeout"));
        assertTrue(list.get(2).get("reachable").isNull(), "never polled: unknown, not unreachable");
        assertEquals(false, list.get(3).get("configured").asBoolean());
    }

    @Test
    void searchMatchesNameAddressAndSysDescr() throws Exception {
        assertEquals(List.of("edge7"), names(ok("/api/devices?q=LINUX")));
        assertEquals(List.of("new9"), names(ok("/api/devices?q=192.0.2.9")));
        assertEquals(List.of("core1"), names(ok("/api/devices?q=ios")));
    }

    @Test
    void theDevicePageGroupsSeriesBySectionWithAgentLabelsVerbatim() throws Exception {
        JsonNode d = ok("/api/devices/core1");
        // a file of a schema group holds all the group's data sources, so all are listed
        assertEquals(store.list("core1").size(), d.get("seriesCount").asInt());
        List<String> sections = new ArrayList<>();
        d.get("groups").forEach(g -> sections.add(g.get("key").asText()));
        assertEquals(List.of("interfaces", "cpu", "ip_sla", "other"), sections);
        JsonNode ifs = d.get("groups").get(0).get("instances");
        assertEquals(List.of("1", "2", "10"), List.of(ifs.get(0).get("instance").asText(),
                ifs.get(1).get("instance").asText(), ifs.get(2).get("instance").asText()));
        // markup is data: the API hands it over unchanged, the page puts it in textContent
        assertEquals(ALIAS, ifs.get(1).get("alias").asText());
        assertEquals("Gi0/2", ifs.get(1).get("label").asText());
        assertEquals("Cisco IOS <b>15.2</b>", d.get("device").get("sysDescr").asText());
        JsonNode system = d.get("groups").get(3).get("instances").get(0);
        assertEquals("", system.get("instance").asText());
        assertEquals("~", system.get("segment").asText());
        assertEquals("system//uptime", system.get("series").get(0).get("path").asText());
    }

    @Test
    void unknownDevicesAre404AndReportersAreRefused() {
        HttpResponse<String> r = server.get("/api/devices/nosuch", "vic", Role.VIEWER);
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("nosuch"));
        assertEquals(200, server.get("/api/devices/gone1", "vic", Role.VIEWER).statusCode());
        assertEquals(403, server.get("/api/devices", "rita", Role.REPORTER).statusCode());
        assertEquals(403, server.get("/devices", "rita", Role.REPORTER).statusCode());
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("name").asText()));
        return out;
    }
}
