package io.mibwatch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write-behind on real RRD files: held rows leave exactly the bytes that writing each row at once
 * leaves, a reader in the same process sees every accepted sample at once, another process's
 * reader (a read-only store over the same files, like the CLI) sees held rows only once written,
 * and rows are written at the limit, at eviction, at flush, at close and by the sweep.
 */
class RrdWriteBehindIT {

    static final List<String> IF_METRICS = List.of("inOctets", "outOctets", "inErrors", "outErrors", "inDiscards", "outDiscards");
    static final SeriesSchema SCHEMA = new SeriesSchema(Map.of("if", IF_METRICS));
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    static final RrdLayout MINUTE = RrdLayout.stock(Duration.ofSeconds(60));

    @TempDir
    Path tmp;

    /** Many calls of many files, with unknown values, a missing metric, repeats and a late second. */
    static List<List<Sample>> calls(int cycles, int interfaces, long seed) {
        Random r = new Random(seed);
        List<List<Sample>> calls = new ArrayList<>();
        for (int c = 0; c < cycles; c++) {
            List<Sample> call = new ArrayList<>();
            Instant at = T0.plusSeconds(60L * c + r.nextInt(5));
            for (int i = 1; i <= interfaces; i++) {
                for (String m : IF_METRICS) {
                    if (m.equals("outDiscards") && c % 7 == 3) {
                        continue; // an agent that skipped a column this cycle
                    }
                    double v = r.nextInt(10) == 0 ? Double.NaN : r.nextDouble() * 1e6;
                    call.add(new Sample(new SeriesId("r" + (i % 3), "if", String.valueOf(i), m), at, v));
                }
            }
            if (c % 5 == 2) { // a sample of an older second: refused by both
                call.add(new Sample(new SeriesId("r1", "if", "1", "inOctets"), at.minusSeconds(120), 1));
            }
            calls.add(call);
        }
        return calls;
    }

    @Test
    void heldRowsLeaveTheSameBytesAsRowsWrittenAtOnce() throws IOException {
        List<List<Sample>> calls = calls(47, 12, 9);
        Path direct = tmp.resolve("direct");
        Path held = tmp.resolve("held");
        List<WriteReport> directReports = new ArrayList<>();
        List<WriteReport> heldReports = new ArrayList<>();
        try (RrdSeriesStore store = new RrdSeriesStore(direct, SCHEMA, d -> MINUTE, RrdStoreOptions.defaults())) {
            calls.forEach(c -> directReports.add(store.write(new ArrayList<>(c))));
        }
        try (RrdSeriesStore store = new RrdSeriesStore(held, SCHEMA, d -> MINUTE, RrdStoreOptions.defaults().withWriteBehind(Duration.ofMinutes(10)))) {
            for (List<Sample> c : calls) {
                heldReports.add(store.write(new ArrayList<>(c)));
            }
            assertTrue(store.heldRows() > 0, "10 min at 60 s: rows are held");
        }
        // the same answers to the caller (accepted, refused, errors) ...
        assertEquals(directReports, heldReports);
        // ... and the same files, byte for byte
        List<Path> files;
        try (Stream<Path> s = Files.walk(direct)) {
            files = s.filter(p -> p.toString().endsWith(".rrd")).map(direct::relativize).sorted().toList();
        }
        assertEquals(12, files.size());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(direct.resolve(f)), Files.readAllBytes(held.resolve(f)), f.toString());
        }
    }

    @Test
    void readersInTheProcessSeeHeldRowsOtherProcessesOnceWritten() throws IOException {
        SeriesId id = new SeriesId("r1", "if", "1", "inOctets");
        Path dir = tmp.resolve("rrd");
        try (RrdSeriesStore store = new RrdSeriesStore(dir, SCHEMA, d -> MINUTE, RrdStoreOptions.defaults().withWriteBehind(Duration.ofMinutes(5)))) {
            int phase = RowQueue.phase(SeriesFile.forWrite(id, SCHEMA).path(dir), 5);
            // the file's first batch is its phase's worth of rows, then 5 at a time
            for (int k = 1; k <= phase + 5; k++) {
                Instant at = T0.plusSeconds(60L * k);
                assertEquals(1, store.write(List.of(new Sample(id, at, k))).updates());
                long held = k < phase ? k : (k - phase) % 5;
                assertEquals(held, store.heldRows(), "rows held after " + k + " writes, phase " + phase);
                // the CLI's view: a read-only store over the same files
                double onDisk = lastKnown(cliView(dir), id, at);
                // rows hold their number as value: the newest written one is k - held (none yet: NaN)
                assertEquals(k - held == 0 ? Double.NaN : k - held, onDisk, "on disk after " + k + " writes");
            }
            // a fetch in the process writes the held rows first
            Instant last = T0.plusSeconds(60L * (phase + 6));
            store.write(List.of(new Sample(id, last, 42)));
            assertEquals(42, lastKnown(store, id, last));
            assertEquals(0, store.heldRows());
            assertEquals(42, lastKnown(cliView(dir), id, last));
        }
    }

    @Test
    void evictionFlushAndCloseWriteHeldRows() throws IOException {
        Path dir = tmp.resolve("rrd");
        // files whose first limit is above 2 (phases hang on the temp directory's name): neither
        // writes on its own in this test
        List<SeriesId> quiet = new ArrayList<>();
        for (int i = 1; quiet.size() < 2; i++) {
            SeriesId c = new SeriesId("dev" + i, "if", "1", "inOctets");
            if (RowQueue.phase(SeriesFile.forWrite(c, SCHEMA).path(dir), 60) > 2) {
                quiet.add(c);
            }
        }
        SeriesId a = quiet.get(0);
        SeriesId b = quiet.get(1);
        Instant at = T0.plusSeconds(60);
        // one open file at most, a span of 60 rows: nothing reaches its limit here
        try (RrdSeriesStore store = new RrdSeriesStore(dir, SCHEMA, d -> MINUTE, new RrdStoreOptions(1, Duration.ofHours(1)))) {
            Instant t = at;
            store.write(List.of(new Sample(a, t, 1)));
            assertEquals(1, store.heldRows());
            assertTrue(Double.isNaN(lastKnown(cliView(dir), a, t)), "held, not on disk yet");
            // opening b closes a (LRU): a's row is written before it closes
            store.write(List.of(new Sample(b, t, 2)));
            assertEquals(1, lastKnown(cliView(dir), a, t));
            assertEquals(1, store.heldRows());
            // flush writes (and syncs) everything held
            store.flush();
            assertEquals(0, store.heldRows());
            assertEquals(2, lastKnown(cliView(dir), b, t));
            store.write(List.of(new Sample(b, t.plusSeconds(60), 3)));
            assertEquals(1, store.heldRows());
        }
        // close wrote it
        assertEquals(3, lastKnown(cliView(dir), b, at.plusSeconds(60)));
    }

    /** A device that stops answering: its held rows are written by the sweep, within two spans. */
    @Test
    void theSweepWritesFilesThatGetNoMoreRows() throws Exception {
        Path dir = tmp.resolve("rrd");
        RrdLayout second = new RrdLayout(Duration.ofSeconds(1), Duration.ofSeconds(3),
                List.of(new RrdLayout.Archive(Duration.ofSeconds(1), Duration.ofMinutes(10))));
        // 2 s at a 1 s step: 2 rows; a file whose first limit is 2 holds its first row
        SeriesId id = null;
        for (int i = 1; id == null; i++) {
            SeriesId c = new SeriesId("quiet" + i, "if", "1", "inOctets");
            if (RowQueue.phase(SeriesFile.forWrite(c, SCHEMA).path(dir), 2) == 2) {
                id = c;
            }
        }
        try (RrdSeriesStore store = new RrdSeriesStore(dir, SCHEMA, d -> second, RrdStoreOptions.defaults().withWriteBehind(Duration.ofSeconds(2)))) {
            Instant at = T0.plusSeconds(1);
            store.write(List.of(new Sample(id, at, 7)));
            assertEquals(1, store.heldRows());
            // infrastructure time: the sweep runs on the store's own timer
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (store.heldRows() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(0, store.heldRows(), "the sweep wrote the row within 15 s (two spans are 4 s)");
            assertEquals(7, lastKnown(cliView(dir), id, at, Duration.ofSeconds(1)));
        }
    }

    @Test
    void aNegativeSpanIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RrdSeriesStore(tmp, SCHEMA, d -> MINUTE, new RrdStoreOptions(10, Duration.ofSeconds(-1))));
        assertTrue(e.getMessage().contains("PT-1S"), e.getMessage());
    }

    /** The CLI's view: a read-only store of its own over the same files. */
    private static View cliView(Path dir) {
        return new View(dir);
    }

    record View(Path dir) {
    }

    private static double lastKnown(View view, SeriesId id, Instant to) {
        return lastKnown(view, id, to, Duration.ofSeconds(60));
    }

    private static double lastKnown(View view, SeriesId id, Instant to, Duration resolution) {
        try (RrdSeriesStore store = RrdSeriesStore.readOnly(view.dir(), SCHEMA)) {
            return lastKnown(store, id, to, resolution);
        }
    }

    /** The newest known value of {@code id} up to {@code to}, NaN if none. */
    private static double lastKnown(RrdSeriesStore store, SeriesId id, Instant to) {
        return lastKnown(store, id, to, Duration.ofSeconds(60));
    }

    private static double lastKnown(RrdSeriesStore store, SeriesId id, Instant to, Duration resolution) {
        SeriesData d = store.fetch(id, T0, to.plusSeconds(resolution.toSeconds()), resolution, Consolidation.AVERAGE);
        double v = Double.NaN;
        for (SeriesData.Point p : d.points()) {
            if (!Double.isNaN(p.value())) {
                v = p.value();
            }
        }
        return v;
    }
}
