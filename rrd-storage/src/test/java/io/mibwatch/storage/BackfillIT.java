package io.mibwatch.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backfilled archive rows on real RRD files: what the source gives is what fetch returns, and live writes continue. */
class BackfillIT {
    static final SeriesSchema SCHEMA = new SeriesSchema(Map.of("interfaces", List.of("inOctets", "outOctets")));
    static final Instant END = Instant.parse("2026-03-02T10:17:00Z");
    static final Instant FROM = END.minus(Duration.ofDays(28));
    static final SeriesId IN = new SeriesId("r1", "interfaces", "3", "inOctets");

    /** Row value = its end time in hours since the epoch: every row is distinguishable; min/max bracket it. */
    static Backfill.Rows rows(SeriesId id, Duration res, Instant firstEnd, int count) {
        double[] avg = new double[count];
        double[] min = new double[count];
        double[] max = new double[count];
        for (int k = 0; k < count; k++) {
            double v = (firstEnd.getEpochSecond() + k * res.getSeconds()) / 3600.0 + (id.metric().equals("inOctets") ? 0 : 1e6);
            avg[k] = v;
            min[k] = v - 1;
            max[k] = v + 1;
        }
        return new Backfill.Rows(avg, min, max);
    }

    @Test
    void fetchReturnsTheSourcesRowsAtEveryResolutionAndLiveWritesContinue(@TempDir Path dir) {
        List<Duration> asked = new ArrayList<>();
        try (RrdSeriesStore store = new RrdSeriesStore(dir, SCHEMA, d -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults())) {
            Backfill.Report r = store.backfill(List.of(IN), FROM, END, (id, res, first, count) -> {
                asked.add(res);
                return rows(id, res, first, count);
            });
            assertEquals(List.of(), r.errors());
            assertEquals(1, r.files());
            // 2 days of minutes, 14 days of 5 minutes, 28 days of hours (from 11:00 28 days ago to 10:00), days ending
            // at midnight from 27 days ago to today (28); x3 consolidations
            assertEquals(3L * (2880 + 4032 + 672 + 28), r.rows());
            assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1)), asked,
                    "one call per resolution, shared by AVERAGE, MIN and MAX");

            for (Duration res : List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1))) {
                Instant from = res.equals(Duration.ofDays(1)) ? FROM.plus(Duration.ofDays(2)) : END.minus(res.multipliedBy(20));
                for (Consolidation cf : Consolidation.values()) {
                    SeriesData d = store.fetch(IN, from, END.minus(res), res, cf);
                    assertEquals(res, d.step(), res + " " + cf);
                    for (SeriesData.Point p : d.points()) {
                        double expected = p.at().getEpochSecond() / 3600.0 + (cf == Consolidation.MIN ? -1 : cf == Consolidation.MAX ? 1 : 0);
                        assertEquals(expected, p.value(), 1e-9, res + " " + cf + " at " + p.at());
                    }
                }
            }
            // a metric of the file that was not backfilled is unknown, not zero
            SeriesData out = store.fetch(new SeriesId("r1", "interfaces", "3", "outOctets"), END.minusSeconds(3600), END, Duration.ofMinutes(1), Consolidation.AVERAGE);
            assertTrue(out.points().stream().allMatch(p -> Double.isNaN(p.value())), "outOctets was not backfilled");

            // live polls continue the file
            Instant t = END;
            for (int i = 1; i <= 3; i++) {
                t = t.plusSeconds(60);
                WriteReport w = store.write(List.of(new Sample(IN, t, 42.0)));
                assertEquals(List.of(), w.errors());
                assertEquals(1, w.updates());
            }
            SeriesData live = store.fetch(IN, END.plusSeconds(120), END.plusSeconds(180), Duration.ofMinutes(1), Consolidation.AVERAGE);
            assertEquals(42.0, live.points().get(live.points().size() - 1).value(), 1e-9);

            Backfill.Report again = store.backfill(List.of(IN), FROM, END, BackfillIT::rows);
            assertEquals(0, again.files());
            assertTrue(again.errors().get(0).contains("exists already"), again.errors().toString());
        }
    }
}
