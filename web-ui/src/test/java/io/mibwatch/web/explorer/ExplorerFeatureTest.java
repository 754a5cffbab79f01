package io.mibwatch.web.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.web.devices.DeviceDirectory;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.testdata.FeatureServer;
import io.mibwatch.web.testdata.RrdFixture;
import io.mibwatch.web.testdata.StaticDirectory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ten nodes with real RRD files; node07's CPU runs away. */
class ExplorerFeatureTest {
    static final Instant NOW = Instant.parse("2026-11-16T12:00:00Z");

    @TempDir
    Path dir;
    RrdSeriesStore store;
    FeatureServer server;

    /** CPU of node i: 20 % +- a few points, node07 at 85 %. */
    static double cpu(String device, Instant t) {
        int i = Integer.parseInt(device.substring(4));
        double wobble = ((t.getEpochSecond() / 60 + i * 7) % 5) - 2; // -2..2
        return device.equals("node07") ? 85 + wobble : 20 + i % 3 + wobble;
    }

    @BeforeEach
    void setUp() {
        store = RrdFixture.store(dir);
        List<DeviceDirectory.Device> devices = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String d = String.format("node%02d", i);
            RrdFixture.write(store, List.of(new SeriesId(d, "cpu", "1", "load")), NOW.minus(Duration.ofMinutes(70)),
                    NOW.plusSeconds(1), (s, t) -> cpu(s.device(), t));
            devices.add(new DeviceDirectory.Device(d, "192.0.2." + i, Optional.empty(), "", Map.of()));
        }
        // interfaces of node01: ifIndex 1..4, rate 1000 * index, ifIndex 3 labelled
        List<SeriesId> ifs = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            ifs.add(new SeriesId("node01", "interfaces", String.valueOf(k), "inOctets"));
        }
        RrdFixture.write(store, ifs, NOW.minus(Duration.ofMinutes(70)), NOW.plusSeconds(1),
                (s, t) -> 1000.0 * Integer.parseInt(s.instance()));
        devices.set(0, new DeviceDirectory.Device("node01", "192.0.2.1", Optional.empty(), "",
                Map.of("interfaces/3", new DeviceDirectory.InstanceLabel("eth2", "<b>backbone</b>"))));
        server = new FeatureServer(new ExplorerFeature(store, new StaticDirectory(devices),
                MetricUnits.of(MetricCatalog.standard()), Clock.fixed(NOW, ZoneOffset.UTC)));
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
    void theRunawayNodeIsFlaggedAndNoOtherIs() throws Exception {
        JsonNode j = ok("/api/explorer?metric=cpu/load&top=3");
        assertEquals(10, j.get("matched").asInt());
        assertEquals(1, j.get("outliers").size(), j.get("outliers").toString());
        assertEquals("node07", j.get("outliers").get(0).get("device").asText());
        assertTrue(j.get("outliers").get(0).get("score").asDouble() > RobustScore.OUTLIER);
        JsonNode top = j.get("top");
        assertEquals(3, top.size());
        assertEquals("node07", top.get(0).get("device").asText());
        assertTrue(top.get(0).get("outlier").asBoolean());
        assertTrue(!top.get(1).get("outlier").asBoolean());
        // 60 one-minute rows, 84..87 %: the average is near 85
        assertEquals(85, top.get(0).get("avg").asDouble(), 2.0);
        // 61 one-minute rows merged pairwise to fit the 60-point sparkline
        assertEquals(31, top.get(0).get("spark").size(), "sparkline points");
        assertTrue(Math.abs(j.get("median").asDouble() - 21) < 2, j.get("median").toString());
    }

    @Test
    void busiestInterfacesComeFirstWithTheirAgentNames() throws Exception {
        JsonNode j = ok("/api/explorer?metric=inOctets&top=2&by=latest");
        JsonNode top = j.get("top");
        assertEquals(List.of("interfaces/4/inOctets", "interfaces/3/inOctets"),
                List.of(top.get(0).get("series").asText(), top.get(1).get("series").asText()));
        assertEquals(4000, top.get(0).get("latest").asDouble(), 1e-9);
        assertEquals("eth2 (<b>backbone</b>)", top.get(1).get("label").asText());
        assertEquals("bytes", j.get("unit").asText());
    }

    @Test
    void theMetricListCountsSeriesAcrossDevices() throws Exception {
        JsonNode m = ok("/api/explorer/metrics");
        JsonNode cpu = null;
        for (JsonNode n : m) {
            if (n.get("name").asText().equals("cpu/load")) {
                cpu = n;
            }
        }
        assertEquals(10, cpu.get("series").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/api/explorer, metric is required",
            "/api/explorer?metric=cpu/load&top=0, top '0'",
            "/api/explorer?metric=cpu/load&by=median, by 'median'",
            "/api/explorer?metric=cpu/load&range=5h, range '5h'",
    })
    void badQueriesSayWhatIsWrong(String path, String named) throws Exception {
        HttpResponse<String> r = server.get(path, "vic", Role.VIEWER);
        assertEquals(400, r.statusCode());
        assertTrue(Json.MAPPER.readTree(r.body()).get("error").asText().contains(named), r.body());
    }
}
