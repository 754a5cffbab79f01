package io.mibwatch.app.cli;

import static io.mibwatch.app.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.Backfill;
import io.mibwatch.storage.RrdLayout;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.RrdStoreOptions;
import io.mibwatch.storage.SeriesSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baseline show} against real RRD files written by {@link RrdSeriesStore#backfill} with the
 * stock layout: the table is learned from what the file really holds.
 */
class BaselineShowIT {
    static final Instant END = Instant.parse("2026-11-02T00:00:00Z"); // Monday 00:00 UTC
    static final SeriesId CPU = new SeriesId("core1", "cpu", "1", "load");

    /** Row value: 10 at night, 80 from 08:00 to 18:00 UTC on weekdays, + (row index mod 4) so rows differ. */
    static double value(Instant rowEnd, Duration res) {
        Instant mid = rowEnd.minus(res.dividedBy(2));
        var t = mid.atZone(ZoneOffset.UTC);
        boolean office = t.getDayOfWeek().getValue() <= 5 && t.getHour() >= 8 && t.getHour() < 18;
        return (office ? 80 : 10) + (mid.getEpochSecond() / res.getSeconds()) % 4;
    }

    static Path backfill(Path dir, int days) {
        try (RrdSeriesStore store = new RrdSeriesStore(dir.resolve("rrd"), new SeriesSchema(StandardMetrics.dsNamesByGroup()),
                d -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults())) {
            Backfill.Report r = store.backfill(List.of(CPU), END.minus(Duration.ofDays(days)), END, (id, res, first, count) -> {
                double[] v = new double[count];
                for (int k = 0; k < count; k++) {
                    v[k] = value(first.plus(res.multipliedBy(k)), res);
                }
                return new Backfill.Rows(v, v.clone(), v.clone());
            });
            assertEquals(List.of(), r.errors());
        }
        return dir;
    }

    @Test
    void sixtyMinuteSlotsFromFourWeeksOfHourlyRows(@TempDir Path tmp) throws Exception {
        Path dir = backfill(tmp, 28);
        CliRun r = run("baseline", "show", "core1", "cpu/1/load", "--slot", "60m", "--to", END.toString(), "--zone", "UTC",
                "--data", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("armed", root.get("state").asText());
        assertEquals(3600, root.get("step").asInt(), "4 weeks reach past the 5-minute archive: hourly rows");
        assertEquals(24, root.get("slots").size());
        JsonNode eleven = root.get("slots").get(11);
        assertEquals("11:00", eleven.get("start").asText());
        // 20 weekdays in 4 weeks, one hourly row each; values 80 + (hourIndex mod 4): hour index of 11:30 on any day
        // is 24*d + 11, so (24d + 11) mod 4 = 3 every day -> all 83
        assertEquals(20, eleven.get("weekday").get("count").asInt());
        assertEquals(83.0, eleven.get("weekday").get("mean").asDouble(), 1e-9);
        assertEquals(8, eleven.get("weekend").get("count").asInt());
        assertEquals(13.0, eleven.get("weekend").get("p90").asDouble(), 1e-9);
    }

    @Test
    void twentyMinuteSlotsUseTheLastTwoWeeksOfFiveMinuteRows(@TempDir Path tmp) throws Exception {
        Path dir = backfill(tmp, 28);
        CliRun r = run("baseline", "show", "core1", "cpu/1/load", "--slot", "20m", "--to", END.toString(), "--zone", "UTC",
                "--data", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(300, root.get("step").asInt());
        assertEquals(72, root.get("slots").size());
        JsonNode s0300 = root.get("slots").get(9);
        assertEquals("03:00", s0300.get("start").asText());
        // 5-minute rows kept 14 days back from the last update: 10 weekdays x 4 rows of 03:00-03:20
        JsonNode wd = s0300.get("weekday");
        assertEquals(40, wd.get("count").asInt());
        // values per slot-day: 10 + (index mod 4) over 4 consecutive rows = 10, 11, 12, 13 -> mean 11.5, p75 12, p90 13
        assertEquals(11.5, wd.get("mean").asDouble(), 1e-9);
        assertEquals(12.0, wd.get("p75").asDouble(), 1e-9);
        assertEquals(13.0, wd.get("p90").asDouble(), 1e-9);
        assertEquals("armed", root.get("state").asText(), r.out());
    }

    @Test
    void oneWeekIsLearningInTheTextTable(@TempDir Path tmp) {
        Path dir = backfill(tmp, 7);
        CliRun r = run("baseline", "show", "core1", "cpu/1/load", "--to", END.toString(), "--zone", "UTC", "--data", dir.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].contains("learning"), lines[0]);
        assertTrue(lines[1].contains("weekday") && lines[1].contains("weekend") && lines[1].contains("p90"), lines[1]);
        assertEquals(2 + 24, lines.length, r.out());
        assertTrue(lines[2 + 11].startsWith("11:00"), lines[2 + 11]);
    }

    @Test
    void unknownSeriesAndBadSlotAreOneLineErrors(@TempDir Path tmp) {
        Path dir = backfill(tmp, 7);
        CliRun missing = run("baseline", "show", "core1", "cpu/9/load", "--data", dir.toString());
        assertEquals(ExitCodes.FAILURE, missing.code(), missing.err());
        assertTrue(missing.err().contains("cpu/9/load") || missing.err().contains("core1"), missing.err());
        CliRun bad = run("baseline", "show", "core1", "cpu/1/load", "--slot", "15m", "--data", dir.toString());
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("'15m'"), bad.err());
    }
}
