package io.mibwatch.storage;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real RRD4J files in a temporary directory; nothing of RRD4J is faked. */
class RrdSeriesStoreIT {

    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z"); // aligned to every archive's rows
    static final List<String> IF_METRICS = List.of("inOctets", "outOctets", "inErrors", "outErrors", "inDiscards", "outDiscards");
    static final SeriesSchema SCHEMA = new SeriesSchema(Map.of(
            "if", IF_METRICS,
            "system", List.of("uptime")));

    @TempDir
    Path dataDir;
    RrdSeriesStore store;

    @BeforeEach
    void open() {
        store = newStore(RrdStoreOptions.DEFAULT_MAX_OPEN_FILES);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    RrdSeriesStore newStore(int maxOpen) {
        return new RrdSeriesStore(dataDir, SCHEMA, device -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults().withMaxOpenFiles(maxOpen));
    }

    static Instant minute(int k) {
        return T0.plusSeconds(60L * k);
    }

    /** Distinct per metric and minute, varied within 5 minutes, exact in binary (quarters). */
    static double value(int metric, int k) {
        return 1000.0 * (metric + 1) + (k * 37 % 23) * 10.25 + (k % 7 == 0 ? 500 : 0);
    }

    static List<Sample> interfaceMinute(String device, String instance, int k) {
        List<Sample> out = new ArrayList<>();
        for (int m = 0; m < IF_METRICS.size(); m++) {
            out.add(new Sample(new SeriesId(device, "if", instance, IF_METRICS.get(m)), minute(k), value(m, k)));
        }
        return out;
    }

    static double[] values(SeriesData data) {
        return data.points().stream().mapToDouble(SeriesData.Point::value).toArray();
    }

    void writeOk(List<Sample> samples) {
        WriteReport r = store.write(samples);
        assertEquals(List.of(), r.errors());
    }

    // ---------------------------------------------------------------- round trip

    @ParameterizedTest
    @EnumSource(Consolidation.class)
    void threeHoursAt60sComeBackExactly(Consolidation cf) {
        for (int k = 1; k <= 180; k++) {
            WriteReport r = store.write(interfaceMinute("core1", "1", k));
            assertEquals(new WriteReport(1, 0, List.of()), r, "one update per minute for the whole interface");
        }
        assertTrue(Files.isRegularFile(dataDir.resolve("core1/if/1.rrd")));

        for (int m = 0; m < IF_METRICS.size(); m++) {
            SeriesData data = store.fetch(new SeriesId("core1", "if", "1", IF_METRICS.get(m)),
                    minute(1), minute(180), Duration.ofSeconds(60), cf);

            assertEquals(Duration.ofSeconds(60), data.step());
            assertEquals(180, data.points().size());
            for (int k = 1; k <= 180; k++) {
                SeriesData.Point p = data.points().get(k - 1);
                assertEquals(minute(k), p.at(), "row timestamp");
                // one primary point per row: AVERAGE, MIN and MAX all equal the sample
                assertEquals(value(m, k), p.value(), IF_METRICS.get(m) + " minute " + k + " " + cf);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Consolidation.class)
    void fiveMinuteRowsConsolidateTheFiveMinutesBeneath(Consolidation cf) {
        for (int k = 1; k <= 180; k++) {
            writeOk(interfaceMinute("core1", "1", k));
        }
        for (int m = 0; m < IF_METRICS.size(); m++) {
            SeriesData data = store.fetch(new SeriesId("core1", "if", "1", IF_METRICS.get(m)),
                    minute(5), minute(180), Duration.ofSeconds(300), cf);

            assertEquals(Duration.ofSeconds(300), data.step());
            assertEquals(36, data.points().size());
            for (int j = 1; j <= 36; j++) {
                double[] beneath = new double[5];
                for (int i = 0; i < 5; i++) {
                    beneath[i] = value(m, 5 * (j - 1) + i + 1); // rows (t-300, t] hold minutes t-240 .. t
                }
                double expected = switch (cf) {
                    case AVERAGE -> Arrays.stream(beneath).average().orElseThrow();
                    case MIN -> Arrays.stream(beneath).min().orElseThrow();
                    case MAX -> Arrays.stream(beneath).max().orElseThrow();
                };
                SeriesData.Point p = data.points().get(j - 1);
                assertEquals(minute(5 * j), p.at());
                assertEquals(expected, p.value(), 1e-9 * Math.abs(expected), IF_METRICS.get(m) + " row " + j + " " + cf);
            }
        }
    }

    /** consolFun:steps of every archive of the file, in file order (RRD4J opened read-only beside the store). */
    static List<String> archiveSet(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (org.rrd4j.core.RrdDb db = org.rrd4j.core.RrdDb.getBuilder().setPath(file.toString()).readOnly().build()) {
            for (int i = 0; i < db.getArcCount(); i++) {
                out.add(db.getArchive(i).getConsolFun() + ":" + db.getArchive(i).getSteps());
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 10})
    void newFilesLeaveOutMinAndMaxArchivesOfOnePointRows(int interval) throws Exception {
        store.close();
        store = new RrdSeriesStore(dataDir, SCHEMA, d -> RrdLayout.stock(Duration.ofSeconds(interval)), RrdStoreOptions.defaults());
        writeOk(List.of(new Sample(new SeriesId("core1", "if", "1", "inOctets"), T0.plusSeconds(interval), 1.0)));
        store.flush();
        List<String> expected = new ArrayList<>();
        for (String cf : List.of("AVERAGE", "MIN", "MAX")) {
            for (RrdLayout.Archive a : RrdLayout.stock(Duration.ofSeconds(interval)).archives()) {
                long steps = a.resolution().getSeconds() / interval;
                if (cf.equals("AVERAGE") || steps > 1) {
                    expected.add(cf + ":" + steps);
                }
            }
        }
        assertEquals(expected, archiveSet(dataDir.resolve("core1/if/1.rrd")));
        assertEquals(interval == 60 ? 10 : 13, expected.size(), "stock layout minus the one-point MIN and MAX");
    }

    @ParameterizedTest
    @EnumSource(value = Consolidation.class, names = {"MIN", "MAX"})
    void minAndMaxOfOnePointRowsComeFromTheAverageArchiveGapsIncluded(Consolidation cf) {
        for (int k = 1; k <= 30; k++) {
            if (k < 12 || k > 16) { // 5 minutes without a poll: more than the heartbeat, unknown rows
                writeOk(interfaceMinute("core1", "1", k));
            }
        }
        SeriesId id = new SeriesId("core1", "if", "1", "inErrors");
        double[] avg = values(store.fetch(id, minute(1), minute(30), Duration.ofSeconds(60), Consolidation.AVERAGE));
        double[] got = values(store.fetch(id, minute(1), minute(30), Duration.ofSeconds(60), cf));
        assertArrayEquals(avg, got);
        assertEquals(value(2, 5), got[4]);
        assertTrue(Double.isNaN(got[13]), "a minute in the gap is unknown: " + got[13]);
        // coarser rows still come from the file's own MIN/MAX archive, not from AVERAGE
        double coarse = store.fetch(id, minute(5), minute(5), Duration.ofMinutes(5), cf).points().get(0).value();
        double expected = cf == Consolidation.MIN
                ? Arrays.stream(avg, 0, 5).min().orElseThrow()
                : Arrays.stream(avg, 0, 5).max().orElseThrow();
        assertEquals(expected, coarse);
    }

    @Test
    void consolidatedValuesDifferPerFunction() {
        // guards the test above against data where AVERAGE, MIN and MAX coincide
        for (int k = 1; k <= 5; k++) {
            writeOk(interfaceMinute("core1", "1", k));
        }
        SeriesId id = new SeriesId("core1", "if", "1", "inOctets");
        double avg = store.fetch(id, minute(5), minute(5), Duration.ofMinutes(5), Consolidation.AVERAGE).points().get(0).value();
        double min = store.fetch(id, minute(5), minute(5), Duration.ofMinutes(5), Consolidation.MIN).points().get(0).value();
        double max = store.fetch(id, minute(5), minute(5), Duration.ofMinutes(5), Consolidation.MAX).points().get(0).value();
        assertTrue(min < avg && avg < max, min + " < " + avg + " < " + max);
    }

    // ---------------------------------------------------------------- gaps

    @Test
    void nanSampleAndLongSilenceComeBackNaNOneLostPollDoesNot() {
        SeriesId id = new SeriesId("core1", "system", "", "uptime");
        for (int k = 1; k <= 40; k++) {
            if (k >= 21 && k <= 25 || k == 32) {
                continue; // 21..25: 6 minutes silent (> heartbeat 150 s); 32: one lost poll (120 s)
            }
            writeOk(List.of(new Sample(id, minute(k), k == 11 ? Double.NaN : k)));
        }

        double[] got = values(store.fetch(id, minute(1), minute(40), Duration.ofSeconds(60), Consolidation.AVERAGE));

        double[] expected = new double[40];
        for (int k = 1; k <= 40; k++) {
            expected[k - 1] = k;
        }
        expected[11 - 1] = Double.NaN;                    // the NaN sample
        for (int k = 21; k <= 26; k++) {
            expected[k - 1] = Double.NaN;                 // (20, 26]: interval longer than heartbeat is unknown
        }
        expected[32 - 1] = 33;                            // 120 s <= heartbeat: minute 33's rate covers both
        assertArrayEquals(expected, got);
    }

    @Test
    void rangeBeyondStoredDataIsNaN() {
        SeriesId id = new SeriesId("core1", "system", "", "uptime");
        for (int k = 1; k <= 3; k++) {
            writeOk(List.of(new Sample(id, minute(k), k)));
        }
        double[] got = values(store.fetch(id, minute(-2), minute(6), Duration.ofSeconds(60), Consolidation.AVERAGE));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN, 1, 2, 3, Double.NaN, Double.NaN, Double.NaN}, got);
    }

    @Test
    void fiveMinuteRowIsKnownWhileAtMostHalfItsMinutesAreUnknown() {
        SeriesId id = SeriesId.parse("core1", "system//uptime");
        double nan = Double.NaN;
        // row 1 (minutes 1-5): one unknown; row 2 (6-10): three unknown -> beyond xff 0.5
        double[] minutes = {10, nan, 20, 30, 40, 1, nan, nan, nan, 2};
        for (int k = 1; k <= minutes.length; k++) {
            writeOk(List.of(new Sample(id, minute(k), minutes[k - 1])));
        }
        double[] got = values(store.fetch(id, minute(5), minute(10), Duration.ofMinutes(5), Consolidation.AVERAGE));
        assertArrayEquals(new double[] {25, Double.NaN}, got);
    }

    // ---------------------------------------------------------------- order

    @Test
    void outOfOrderSamplesAreSkippedAndCounted() {
        for (int k = 1; k <= 5; k++) {
            writeOk(interfaceMinute("core1", "1", k));
        }
        List<Sample> late = new ArrayList<>();
        late.addAll(interfaceMinute("core1", "1", 7));
        late.addAll(interfaceMinute("core1", "1", 3)); // before last update
        late.addAll(interfaceMinute("core1", "1", 5)); // AT last update
        late.addAll(interfaceMinute("core1", "1", 6)); // newer, listed out of order within the call

        WriteReport r = store.write(late);

        assertEquals(new WriteReport(2, 2 * IF_METRICS.size(), List.of()), r);
        double[] got = values(store.fetch(new SeriesId("core1", "if", "1", "inOctets"),
                minute(1), minute(7), Duration.ofSeconds(60), Consolidation.AVERAGE));
        double[] expected = new double[7];
        for (int k = 1; k <= 7; k++) {
            expected[k - 1] = value(0, k);
        }
        assertArrayEquals(expected, got);
    }

    @Test
    void aMetricTwiceInOneSecondStoresTheLaterValueAndIsSkippedOnce() {
        writeOk(interfaceMinute("core1", "1", 1));
        SeriesId in = new SeriesId("core1", "if", "1", "inOctets");
        SeriesId out = new SeriesId("core1", "if", "1", "outOctets");
        List<Sample> twice = List.of(
                new Sample(in, minute(3), 10.0),
                new Sample(in, minute(2), 5.0), // older, listed later: sorted before minute 3
                new Sample(out, minute(3), 20.0),
                new Sample(in, minute(3), 11.0)); // same second as the first: the later wins
        assertEquals(new WriteReport(2, 0, List.of()), store.write(twice));
        double[] got = values(store.fetch(in, minute(2), minute(3), Duration.ofSeconds(60), Consolidation.AVERAGE));
        assertArrayEquals(new double[] {5.0, 11.0}, got);

        List<Sample> stale = List.of(new Sample(in, minute(3), 1.0), new Sample(in, minute(3), 2.0), new Sample(out, minute(3), 3.0));
        assertEquals(new WriteReport(0, 2, List.of()), store.write(stale), "two metrics skipped, inOctets counted once");
    }

    // ---------------------------------------------------------------- persistence

    @Test
    void reopenAfterCloseKeepsDataAndLastUpdate() {
        for (int k = 1; k <= 30; k++) {
            writeOk(interfaceMinute("core1", "1", k));
        }
        store.flush();
        store.close();
        store.close(); // idempotent

        store = newStore(RrdStoreOptions.DEFAULT_MAX_OPEN_FILES);
        SeriesId id = new SeriesId("core1", "if", "1", "outOctets");
        double[] got = values(store.fetch(id, minute(1), minute(30), Duration.ofSeconds(60), Consolidation.MAX));
        for (int k = 1; k <= 30; k++) {
            assertEquals(value(1, k), got[k - 1], "minute " + k);
        }
        assertEquals(new WriteReport(0, IF_METRICS.size(), List.of()), store.write(interfaceMinute("core1", "1", 30)));
        assertEquals(new WriteReport(1, 0, List.of()), store.write(interfaceMinute("core1", "1", 31)));
    }

    @Test
    void readOnlyStoreReadsWhileTheWriterKeepsWritingAndNeverModifiesFiles() throws Exception {
        for (int k = 1; k <= 10; k++) {
            writeOk(interfaceMinute("core1", "1", k));
        }
        store.flush();
        Path file = dataDir.resolve("core1/if/1.rrd");
        byte[] before = java.nio.file.Files.readAllBytes(file);
        SeriesId id = new SeriesId("core1", "if", "1", "inOctets");
        try (RrdSeriesStore reader = RrdSeriesStore.readOnly(dataDir, SCHEMA)) {
            double[] got = values(reader.fetch(id, minute(1), minute(10), Duration.ofSeconds(60), Consolidation.AVERAGE));
            for (int k = 1; k <= 10; k++) {
                assertEquals(value(0, k), got[k - 1], "minute " + k);
            }
            assertEquals(List.of("core1"), reader.devices());
            assertThrows(IllegalStateException.class, () -> reader.write(interfaceMinute("core1", "1", 11)));
        }
        assertArrayEquals(before, java.nio.file.Files.readAllBytes(file), "a reader must not change the file");
        // the writer is unaffected by the reader having come and gone
        writeOk(interfaceMinute("core1", "1", 11));
        assertEquals(value(0, 11), values(store.fetch(id, minute(11), minute(11), Duration.ofSeconds(60),
                Consolidation.AVERAGE))[0]);
    }

    @Test
    void useAfterCloseIsRefused() {
        store.close();
        assertThrows(IllegalStateException.class, () -> store.write(interfaceMinute("core1", "1", 1)));
        assertThrows(IllegalStateException.class, () -> store.devices());
    }

    // ---------------------------------------------------------------- discovery

    @Test
    void listAndDevicesFindEverySeries() {
        List<Sample> samples = new ArrayList<>();
        samples.addAll(interfaceMinute("core1", "1", 1));
        samples.addAll(interfaceMinute("core1", "2", 1));
        samples.add(new Sample(SeriesId.parse("core1", "system//uptime"), minute(1), 42));
        samples.add(new Sample(SeriesId.parse("core1", "temp/cpu0/celsius"), minute(1), 51.5)); // group not in schema
        samples.add(new Sample(SeriesId.parse("core1", "temp/cpu0/fan"), minute(1), 3000));
        samples.add(new Sample(SeriesId.parse("core1", "temp//board"), minute(1), 30));
        samples.add(new Sample(SeriesId.parse("edge2", "system//uptime"), minute(1), 7));
        writeOk(samples);

        List<SeriesId> expected = new ArrayList<>();
        for (String instance : List.of("1", "2")) {
            for (String m : IF_METRICS) {
                expected.add(new SeriesId("core1", "if", instance, m));
            }
        }
        expected.add(SeriesId.parse("core1", "system//uptime"));
        expected.add(SeriesId.parse("core1", "temp//board"));
        expected.add(SeriesId.parse("core1", "temp/cpu0/celsius"));
        expected.add(SeriesId.parse("core1", "temp/cpu0/fan"));
        expected.sort(java.util.Comparator.comparing(SeriesId::path));

        assertEquals(expected, store.list("core1"));
        assertEquals(List.of(SeriesId.parse("edge2", "system//uptime")), store.list("edge2"));
        assertEquals(List.of(), store.list("nosuch"));
        assertEquals(List.of("core1", "edge2"), store.devices());
        assertTrue(Files.isRegularFile(dataDir.resolve("core1/temp/cpu0@celsius.rrd")));
        assertEquals(51.5, store.fetch(SeriesId.parse("core1", "temp/cpu0/celsius"), minute(1), minute(1),
                Duration.ofSeconds(60), Consolidation.AVERAGE).points().get(0).value());
    }

    @Test
    void unknownSeriesNamesDeviceAndPath() {
        writeOk(interfaceMinute("core1", "1", 1));
        for (SeriesId missing : List.of(
                SeriesId.parse("core1", "if/9/inOctets"),       // no such file
                SeriesId.parse("core1", "if/1/inMulticast"),    // file exists, no such data source
                SeriesId.parse("ghost", "system//uptime"))) {
            SeriesNotFoundException e = assertThrows(SeriesNotFoundException.class, () ->
                    store.fetch(missing, minute(0), minute(1), Duration.ofSeconds(60), Consolidation.AVERAGE));
            assertTrue(e.getMessage().contains("'" + missing.device() + "'"), e.getMessage());
            assertTrue(e.getMessage().contains(missing.path()), e.getMessage());
            assertEquals(missing, e.series());
        }
        assertFalse(Files.exists(dataDir.resolve("core1/if/9.rrd")), "a fetch must never create a file");
        assertFalse(Files.exists(dataDir.resolve("ghost")));
    }

    @Test
    void filesOutliveSchemaChanges() {
        SeriesId celsius = SeriesId.parse("core1", "temp/cpu0/celsius");
        writeOk(List.of(new Sample(celsius, minute(1), 50), new Sample(SeriesId.parse("core1", "system//uptime"), minute(1), 1)));
        store.close();

        // the schema now knows "temp" and "system" has grown a metric
        store = new RrdSeriesStore(dataDir, new SeriesSchema(Map.of(
                "temp", List.of("celsius"), "system", List.of("uptime", "users"))),
                device -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults());

        // the old per-series file is still found
        assertEquals(50.0, store.fetch(celsius, minute(1), minute(1), Duration.ofSeconds(60), Consolidation.AVERAGE)
                .points().get(0).value());
        // the old system file keeps its data-source set: the new metric is reported, uptime stored
        WriteReport r = store.write(List.of(
                new Sample(SeriesId.parse("core1", "system//uptime"), minute(2), 2),
                new Sample(SeriesId.parse("core1", "system//users"), minute(2), 3)));
        assertEquals(1, r.updates());
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).contains("'users'") && r.errors().get(0).contains("fixed at creation"), r.errors().get(0));
    }

    // ---------------------------------------------------------------- failures

    @Test
    void directoryBlockedByAFileIsReportedAndOthersAreWritten() throws Exception {
        // chmod would not stop root; a regular file where a directory must be stops everyone
        Files.writeString(dataDir.resolve("blocked"), "not a directory");
        List<Sample> samples = new ArrayList<>(interfaceMinute("blocked", "1", 1));
        samples.addAll(interfaceMinute("core1", "1", 1));

        WriteReport r = store.write(samples);

        assertEquals(1, r.updates());
        assertEquals(1, r.errors().size(), r.errors().toString());
        String error = r.errors().get(0);
        assertTrue(error.contains(dataDir.resolve("blocked/if/1.rrd").toString()), error);
        assertTrue(error.contains("cannot create directory"), error);
        assertEquals(value(0, 1), store.fetch(new SeriesId("core1", "if", "1", "inOctets"), minute(1), minute(1),
                Duration.ofSeconds(60), Consolidation.AVERAGE).points().get(0).value());
        assertEquals("not a directory", Files.readString(dataDir.resolve("blocked")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", ""})
    void corruptFileIsReportedAndLeftUntouched(String content) throws Exception {
        Path corrupt = dataDir.resolve("core1/if/2.rrd");
        Files.createDirectories(corrupt.getParent());
        byte[] before = (content.isEmpty() ? "" : content.repeat(1000)).getBytes();
        Files.write(corrupt, before);
        List<Sample> samples = new ArrayList<>(interfaceMinute("core1", "2", 1));
        samples.addAll(interfaceMinute("core1", "1", 1));

        WriteReport r = store.write(samples);

        assertEquals(1, r.updates());
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).startsWith(corrupt + ": "), r.errors().get(0));
        assertTrue(r.errors().get(0).contains("left untouched"), r.errors().get(0));
        assertArrayEquals(before, Files.readAllBytes(corrupt));
        // still reported (not silently recreated) on the next write
        assertEquals(1, store.write(interfaceMinute("core1", "2", 2)).errors().size());
        assertArrayEquals(before, Files.readAllBytes(corrupt));
        // listing skips it and shows the rest
        assertEquals(IF_METRICS.size(), store.list("core1").size());
    }

    @Test
    void metricOutsideSchemaIsReportedOthersStored() {
        List<Sample> samples = new ArrayList<>(interfaceMinute("core1", "1", 1));
        samples.add(new Sample(new SeriesId("core1", "if", "1", "inMulticast"), minute(1), 5));

        WriteReport r = store.write(samples);

        assertEquals(1, r.updates());
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).contains("'inMulticast'"), r.errors().get(0));
        assertTrue(r.errors().get(0).contains(dataDir.resolve("core1/if/1.rrd").toString()), r.errors().get(0));
        assertEquals(value(2, 1), store.fetch(new SeriesId("core1", "if", "1", "inErrors"), minute(1), minute(1),
                Duration.ofSeconds(60), Consolidation.AVERAGE).points().get(0).value());
    }

    @Test
    void dotInstanceIsRefusedOthersStored() {
        List<Sample> samples = new ArrayList<>(interfaceMinute("core1", "..", 1));
        samples.addAll(interfaceMinute("core1", "1", 1));

        WriteReport r = store.write(samples);

        assertEquals(1, r.updates());
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).contains("instance '..'"), r.errors().get(0));
        assertFalse(Files.exists(dataDir.resolve("core1/if.rrd")));
    }

    @Test
    void metricNameTooLongForRrdIsReported() {
        SeriesId id = SeriesId.parse("core1", "vendor//aVeryLongMetricNameIndeed");
        WriteReport r = store.write(List.of(new Sample(id, minute(1), 1)));
        assertEquals(0, r.updates());
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).contains("aVeryLongMetricNameIndeed"), r.errors().get(0));
    }

    // ---------------------------------------------------------------- concurrency and open files

    @ParameterizedTest(name = "max open files {0}")
    @ValueSource(ints = {RrdStoreOptions.DEFAULT_MAX_OPEN_FILES, 7})
    void fourThreadsFiftyFilesAllDataPresent(int maxOpen) throws Exception {
        store.close();
        store = newStore(maxOpen);
        int threads = 4, files = 50, minutes = 30;
        CyclicBarrier everyMinute = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<WriteReport>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<WriteReport> reports = new ArrayList<>();
                    for (int k = 1; k <= minutes; k++) {
                        // each minute a different thread writes a given file, so files move
                        // between threads; the barrier keeps each file's timestamps increasing
                        for (int f = 0; f < files; f++) {
                            if ((f + k) % threads == thread) {
                                reports.add(store.write(interfaceMinute("dev" + f % 5, Integer.toString(f), k)));
                            }
                        }
                        everyMinute.await();
                    }
                    return reports;
                }));
            }
            int updates = 0;
            for (Future<List<WriteReport>> result : results) {
                for (WriteReport r : result.get()) {
                    assertEquals(List.of(), r.errors());
                    assertEquals(0, r.skippedOutOfOrder());
                    updates += r.updates();
                }
            }
            assertEquals(files * minutes, updates);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(store.openFileCount() <= maxOpen, "open files " + store.openFileCount());

        for (int f = 0; f < files; f++) {
            for (int m = 0; m < IF_METRICS.size(); m++) {
                double[] got = values(store.fetch(new SeriesId("dev" + f % 5, "if", Integer.toString(f), IF_METRICS.get(m)),
                        minute(1), minute(minutes), Duration.ofSeconds(60), Consolidation.AVERAGE));
                for (int k = 1; k <= minutes; k++) {
                    assertEquals(value(m, k), got[k - 1], "file " + f + " " + IF_METRICS.get(m) + " minute " + k);
                }
            }
        }
        assertEquals(List.of("dev0", "dev1", "dev2", "dev3", "dev4"), store.devices());
        assertEquals(10 * IF_METRICS.size(), store.list("dev3").size());
    }

    // ---------------------------------------------------------------- archive fall-back

    @Test
    void fetchFallsBackToCoarserArchiveWhenFinerDoesNotReachBack() {
        // 4 days of hourly-aligned writes; the 1-minute archive keeps 2 days only
        SeriesId id = SeriesId.parse("core1", "system//uptime");
        for (int k = 1; k <= 4 * 24 * 60; k++) {
            writeOk(List.of(new Sample(id, minute(k), k % 60)));
        }
        Instant end = minute(4 * 24 * 60);

        SeriesData recent = store.fetch(id, end.minus(Duration.ofHours(1)), end, Duration.ofSeconds(60), Consolidation.MAX);
        SeriesData old = store.fetch(id, end.minus(Duration.ofDays(3)), end, Duration.ofSeconds(60), Consolidation.MAX);

        assertEquals(Duration.ofSeconds(60), recent.step());
        assertEquals(Duration.ofSeconds(300), old.step());
        SeriesData.Point lastRow = old.points().get(old.points().size() - 1);
        assertEquals(end, lastRow.at());
        assertEquals(59.0, lastRow.value()); // max over minutes 56, 57, 58, 59, 0 of an hour
        assertEquals(end.minus(Duration.ofDays(3)), old.points().get(0).at());
    }
}
