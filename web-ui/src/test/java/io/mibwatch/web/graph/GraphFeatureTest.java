package io.mibwatch.web.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.thresholds.baseline.Arming;
import io.mibwatch.thresholds.baseline.BaselineTable;
import io.mibwatch.thresholds.baseline.Baselines;
import io.mibwatch.thresholds.baseline.SlotWidth;
import io.mibwatch.thresholds.baseline.TimedValue;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.testdata.FeatureServer;
import io.mibwatch.web.testdata.RrdFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The graph API against real RRD files written by the daemon's store. */
class GraphFeatureTest {
    /** A Monday noon, UTC. */
    static final Instant NOW = Instant.parse("2026-11-16T12:00:00Z");
    static final SeriesId IF3 = new SeriesId("core1", "interfaces", "3", "inOctets");
    static final SeriesId UPTIME = new SeriesId("core1", "system", "", "uptime");

    @TempDir
    Path dir;
    RrdSeriesStore store;
    FeatureServer server;
    BaselineTable table;

    /** Value of the interface at t: minutes since the epoch modulo 1000, so each row is recognisable. */
    static double valueAt(Instant t) {
        return (t.getEpochSecond() / 60) % 1000;
    }

    @BeforeEach
    void setUp() {
        store = RrdFixture.store(dir);
        RrdFixture.write(store, List.of(IF3), NOW.minus(Duration.ofHours(3)), NOW.plusSeconds(1), (s, t) -> valueAt(t));
        RrdFixture.write(store, List.of(UPTIME), NOW.minus(Duration.ofHours(1)), NOW.plusSeconds(1),
                (s, t) -> (double) t.getEpochSecond() - NOW.minus(Duration.ofHours(2)).getEpochSecond());
        // a learned table: three weeks of 5-minute values, slot-shaped (hour of day * 10)
        List<TimedValue> history = new ArrayList<>();
        for (Instant t = NOW.minus(Duration.ofDays(21)); t.isBefore(NOW); t = t.plus(Duration.ofMinutes(5))) {
            history.add(new TimedValue(t, t.atZone(ZoneOffset.UTC).getHour() * 10.0));
        }
        table = BaselineTable.compute(history, Duration.ofMinutes(5), SlotWidth.MIN_20, true, ZoneOffset.UTC);
        Baselines learned = (s, w) -> s.equals(IF3) && w == SlotWidth.MIN_20 ? Optional.of(table) : Optional.empty();
        server = new FeatureServer(new GraphFeature(store, learned, Arming.DEFAULT,
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
    void anHourOfMinuteRowsComesBackWithTheStoredValues() throws Exception {
        JsonNode j = ok("/api/series/core1/interfaces/3/inOctets?range=1h&cf=AVERAGE");
        assertEquals("interfaces/3/inOctets", j.get("series").asText());
        assertEquals(60, j.get("stepSeconds").asLong());
        assertEquals("bytes", j.get("unit").asText());
        JsonNode points = j.get("points");
        assertEquals(61, points.size(), "rows 11:00..12:00 inclusive");
        int known = 0;
        for (JsonNode p : points) {
            Instant at = Instant.parse(p.get("at").asText());
            if (!p.get("value").isNull()) {
                assertEquals(valueAt(at), p.get("value").asDouble(), 1e-9, "row " + at);
                known++;
            }
        }
        assertTrue(known >= 60, "known rows: " + known);
    }

    @Test
    void aDayAsksForFiveMinuteRowsAndMaxKeepsThePeakOfEach() throws Exception {
        JsonNode j = ok("/api/series/core1/interfaces/3/inOctets?range=1d&cf=MAX");
        assertEquals(300, j.get("stepSeconds").asLong());
        assertEquals("MAX", j.get("cf").asText());
        JsonNode last = j.get("points").get(j.get("points").size() - 1);
        // the 5-minute row ending at 12:00 holds 11:56..12:00; the values rise, so its max is 12:00's
        assertEquals(NOW, Instant.parse(last.get("at").asText()));
        assertEquals(valueAt(NOW), last.get("value").asDouble(), 1e-9);
    }

    @Test
    void theEmptyInstanceOfAScalarGroupTravelsAsTilde() throws Exception {
        JsonNode j = ok("/api/series/core1/system/" + SeriesRef.EMPTY_INSTANCE + "/uptime?range=1h");
        assertEquals("", j.get("instance").asText());
        assertEquals("system//uptime", j.get("series").asText());
        assertEquals("s", j.get("unit").asText());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/series/core1/interfaces/a%2Fb/inOctets, 400, a",
            "/api/series/core1/interfaces/Gi0%2F1%20uplink/inOctets, 400, Gi0",
            "/api/series/core1/interfaces/a%20b/inOctets, 400, 'a b'",
            "/api/series/core1/interfaces/99/inOctets, 404, core1:interfaces/99/inOctets",
            "/api/series/core1/interfaces/3/inOctets?range=2h, 400, range '2h'",
            "/api/series/core1/interfaces/3/inOctets?cf=median, 400, cf 'median'",
            "/api/baselines/core1/interfaces/3/inOctets?slot=5m, 400, slot width '5m'",
    })
    void badNamesAndParametersAreAnsweredWithAnErrorNamingThem(String path, int status, String named) throws Exception {
        HttpResponse<String> r = server.get(path, "vic", Role.VIEWER);
        assertEquals(status, r.statusCode(), r.body());
        String error = Json.MAPPER.readTree(r.body()).get("error").asText();
        assertTrue(error.contains(named), error);
    }

    @Test
    void anArmedBaselineIsDrawnAsABandAlongThePoints() throws Exception {
        JsonNode j = ok("/api/series/core1/interfaces/3/inOctets?range=1d");
        JsonNode band = j.get("band");
        assertEquals("armed", band.get("state").asText());
        assertEquals("20m", band.get("slot").asText());
        assertEquals(j.get("points").size(), band.get("points").size());
        for (JsonNode p : band.get("points")) {
            Instant at = Instant.parse(p.get("at").asText());
            // the row ending at `at` covers (at - 5 min, at]: its middle's hour decides the slot
            double hour = at.minus(Duration.ofSeconds(150)).atZone(ZoneOffset.UTC).getHour();
            assertEquals(hour * 10, p.get("p75").asDouble(), 1e-9, "band at " + at);
            assertEquals(hour * 10, p.get("mean").asDouble(), 1e-9, "band at " + at);
        }
    }

    @Test
    void aSeriesWithoutAnArmedBaselineSaysLearning() throws Exception {
        JsonNode j = ok("/api/series/core1/system/~/uptime?range=1d");
        assertEquals("learning", j.get("band").get("state").asText());
        assertEquals(0, j.get("band").get("points").size());
        JsonNode noBand = ok("/api/series/core1/interfaces/3/inOctets?range=1y");
        assertEquals("none", noBand.get("band").get("state").asText());
    }

    @Test
    void theBaselineTableIsServedSlotBySlot() throws Exception {
        JsonNode j = ok("/api/baselines/core1/interfaces/3/inOctets?slot=20m");
        assertEquals("armed", j.get("state").asText());
        assertEquals(72, j.get("slots").size());
        JsonNode s = j.get("slots").get(3 * 6); // 06:00 weekday
        assertEquals("06:00", s.get("start").asText());
        assertEquals(60.0, s.get("weekday").get("p90").asDouble(), 1e-9);
        assertEquals(table.rows().get(io.mibwatch.thresholds.baseline.DayKind.WEEKEND).get(18).count(),
                s.get("weekend").get("count").asInt());
        JsonNode learning = ok("/api/baselines/core1/interfaces/3/inOctets?slot=60m");
        assertEquals("learning", learning.get("state").asText());
    }

    @Test
    void reportersCannotReadGraphs() {
        assertEquals(403, server.get("/api/series/core1/interfaces/3/inOctets", "rita", Role.REPORTER).statusCode());
    }
}
