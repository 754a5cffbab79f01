package io.mibwatch.storage;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rrd4j.ConsolFun;
import org.rrd4j.DsType;
import org.rrd4j.core.RrdDb;
import org.rrd4j.core.RrdDef;
import org.rrd4j.core.RrdNioBackendFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's write path with the row writer: it covers the files the store creates, refuses the
 * ones it does not (RRD4J updates those), and the store's updates leave the same bytes as the
 * same updates done through RRD4J.
 */
class RrdSeriesStoreRowWriterIT {

    static final List<String> IF_METRICS = List.of("inOctets", "outOctets", "inErrors", "outErrors", "inDiscards", "outDiscards");
    static final SeriesSchema SCHEMA = new SeriesSchema(Map.of("if", IF_METRICS));
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @TempDir
    Path dataDir;

    private final SharedMappingNioFactory shared = new SharedMappingNioFactory();
    private final RrdNioBackendFactory stock = new RrdNioBackendFactory(0, (ScheduledExecutorService) null);

    @ParameterizedTest(name = "poll interval {0} s")
    @ValueSource(ints = {5, 10, 60, 300})
    void coversTheFilesTheStoreCreates(int interval) throws IOException {
        Path file = writeOnce(RrdLayout.stock(Duration.ofSeconds(interval)));
        try (RrdDb db = RrdDb.getBuilder().setPath(file.toString()).setBackendFactory(shared).build()) {
            assertTrue(RrdRowWriter.of(db).isPresent(), "the store's own layout must take the fast path");
        }
    }

    @Test
    void refusesAFileOpenedThroughAnotherBackendOrReadOnly() throws IOException {
        Path file = writeOnce(RrdLayout.stock(Duration.ofSeconds(60)));
        try (RrdDb db = RrdDb.getBuilder().setPath(file.toString()).setBackendFactory(stock).build()) {
            assertTrue(RrdRowWriter.of(db).isEmpty(), "RRD4J's stock backend caches state the writer would change");
        }
        try (RrdDb db = RrdDb.getBuilder().setPath(file.toString()).setBackendFactory(shared).readOnly().build()) {
            assertTrue(RrdRowWriter.of(db).isEmpty(), "read-only");
        }
    }

    /** Files the writer does not cover, each one thing away from the store's layout. */
    static Stream<Arguments> foreignLayouts() {
        return Stream.of(
                Arguments.of("COUNTER data source", (Consumer<RrdDef>) d -> d.addDatasource("c", DsType.COUNTER, 150, Double.NaN, Double.NaN)),
                Arguments.of("DERIVE data source", (Consumer<RrdDef>) d -> d.addDatasource("c", DsType.DERIVE, 150, Double.NaN, Double.NaN)),
                Arguments.of("GAUGE with a minimum", (Consumer<RrdDef>) d -> d.addDatasource("c", DsType.GAUGE, 150, 0, Double.NaN)),
                Arguments.of("GAUGE with a maximum", (Consumer<RrdDef>) d -> d.addDatasource("c", DsType.GAUGE, 150, Double.NaN, 1e9)),
                Arguments.of("name ending in ! (zeros for unknown)", (Consumer<RrdDef>) d -> d.addDatasource("c!", DsType.GAUGE, 150, Double.NaN, Double.NaN)),
                Arguments.of("name longer than 20 characters", (Consumer<RrdDef>) d -> d.addDatasource("averyveryverylongdatasourcename", DsType.GAUGE, 150, Double.NaN, Double.NaN)),
                Arguments.of("LAST archive", (Consumer<RrdDef>) d -> d.addArchive(ConsolFun.LAST, 0.5, 1, 10)),
                Arguments.of("TOTAL archive", (Consumer<RrdDef>) d -> d.addArchive(ConsolFun.TOTAL, 0.5, 5, 10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignLayouts")
    void refusesLayoutsItDoesNotCover(String what, Consumer<RrdDef> extra) throws IOException {
        Path file = dataDir.resolve("foreign.rrd");
        RrdDef def = new RrdDef(file.toString(), T0.getEpochSecond(), 60);
        def.addDatasource("g", DsType.GAUGE, 150, Double.NaN, Double.NaN);
        def.addArchive(ConsolFun.AVERAGE, 0.5, 1, 10);
        extra.accept(def);
        RrdDb.getBuilder().setRrdDef(def).setBackendFactory(shared).build().close();
        try (RrdDb db = RrdDb.getBuilder().setPath(file.toString()).setBackendFactory(shared).build()) {
            assertTrue(RrdRowWriter.of(db).isEmpty(), what);
        }
    }

    @Test
    void refusesVersion1Files() throws IOException {
        Path file = dataDir.resolve("v1.rrd");
        RrdDef def = new RrdDef(file.toString(), T0.getEpochSecond(), 60, 1);
        def.addDatasource("g", DsType.GAUGE, 150, Double.NaN, Double.NaN);
        def.addArchive(ConsolFun.AVERAGE, 0.5, 1, 10);
        RrdDb.getBuilder().setRrdDef(def).setBackendFactory(shared).build().close();
        try (RrdDb db = RrdDb.getBuilder().setPath(file.toString()).setBackendFactory(shared).build()) {
            assertTrue(RrdRowWriter.of(db).isEmpty());
        }
    }

    /**
     * A file of a layout the writer refuses (COUNTER) where the store expects its own: the store
     * still updates it, through RRD4J, as before.
     */
    @Test
    void storeUpdatesForeignFilesThroughRrd4j() throws IOException {
        SeriesId id = new SeriesId("r1", "if", "1", "inOctets");
        Path file = SeriesFile.forWrite(id, SCHEMA).path(dataDir);
        Files.createDirectories(file.getParent());
        RrdDef def = new RrdDef(file.toString(), T0.getEpochSecond(), 60);
        def.addDatasource("inOctets", DsType.COUNTER, 150, Double.NaN, Double.NaN);
        def.addArchive(ConsolFun.AVERAGE, 0.5, 1, 10);
        RrdDb.getBuilder().setRrdDef(def).setBackendFactory(stock).build().close();
        try (RrdSeriesStore store = new RrdSeriesStore(dataDir, SCHEMA, d -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults())) {
            WriteReport r = store.write(List.of(new Sample(id, T0.plusSeconds(60), 100), new Sample(id, T0.plusSeconds(120), 700)));
            assertEquals(List.of(), r.errors());
            assertEquals(2, r.updates());
        }
        try (RrdDb db = RrdDb.getBuilder().setPath(file.toString()).setBackendFactory(stock).readOnly().build()) {
            assertEquals(T0.getEpochSecond() + 120, db.getLastUpdateTime());
            assertEquals(10.0, db.getArchive(0).getRobin(0).getValue(9), "(700 - 100) / 60 s by RRD4J's COUNTER");
        }
    }

    /**
     * The store (row writer) and RRD4J, given the same samples, leave identical files; the store's
     * rules hold on the way: samples sorted by second, the later sample of a metric in one second
     * wins, metrics without a sample that second are unknown, times not after the last update are
     * skipped and counted.
     */
    @ParameterizedTest(name = "poll interval {0} s")
    @ValueSource(ints = {5, 60})
    void storeWritesTheSameBytesAsRrd4j(int interval) throws IOException {
        RrdLayout layout = RrdLayout.stock(Duration.ofSeconds(interval));
        SeriesId[] ids = IF_METRICS.stream().map(m -> new SeriesId("r1", "if", "1", m)).toArray(SeriesId[]::new);
        Path file = SeriesFile.forWrite(ids[0], SCHEMA).path(dataDir);
        Path reference = dataDir.resolve("reference.rrd");
        long step = interval;
        List<List<Sample>> calls = new ArrayList<>();
        long t = T0.getEpochSecond();
        java.util.Random rnd = new java.util.Random(9);
        for (int c = 0; c < 400; c++) {
            t += rnd.nextInt(10) == 0 ? step * (1 + rnd.nextInt(5)) + rnd.nextInt((int) step) : step;
            List<Sample> call = new ArrayList<>();
            for (int m = 0; m < ids.length; m++) {
                if (rnd.nextInt(8) != 0) { // now and then a metric is not polled
                    call.add(new Sample(ids[m], Instant.ofEpochSecond(t), rnd.nextInt(1_000_000) / 4.0));
                }
            }
            if (rnd.nextInt(5) == 0) { // a second answer in the same second: the later one wins
                call.add(new Sample(ids[0], Instant.ofEpochSecond(t), -1.0 * c));
            }
            if (rnd.nextInt(5) == 0) { // an earlier second after a later one in the same call: sorted
                call.add(0, new Sample(ids[1], Instant.ofEpochSecond(t + 1), 42.0));
                call.add(new Sample(ids[2], Instant.ofEpochSecond(t), 43.0));
                t += 1;
            }
            calls.add(call);
        }
        int skipped = 0;
        int updates = 0;
        try (RrdSeriesStore store = new RrdSeriesStore(dataDir, SCHEMA, d -> layout, RrdStoreOptions.defaults())) {
            WriteReport first = store.write(calls.get(0));
            assertEquals(List.of(), first.errors());
        }
        // the file as created and first updated is where the reference starts; both are then freshly
        // opened (RRD4J keeps part of a step's state in memory only, from the opening on)
        Files.copy(file, reference);
        try (RrdSeriesStore store = new RrdSeriesStore(dataDir, SCHEMA, d -> layout, RrdStoreOptions.defaults())) {
            try (RrdDb ref = RrdDb.getBuilder().setPath(reference.toString()).setBackendFactory(stock).build()) {
                for (int c = 1; c < calls.size(); c++) {
                    List<Sample> call = calls.get(c);
                    if (c % 50 == 0) { // an old sample arriving late: both skip it
                        call = new ArrayList<>(call);
                        call.add(new Sample(ids[3], T0, 1.0));
                    }
                    WriteReport r = store.write(call);
                    assertEquals(List.of(), r.errors());
                    skipped += r.skippedOutOfOrder();
                    updates += r.updates();
                    applyThroughRrd4j(ref, call);
                }
            }
        }
        assertEquals(7, skipped, "the late samples at c = 50, 100, ... 350");
        assertTrue(updates > 400, "one update per distinct second");
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(file));
    }

    /** What the store did before the row writer: one RRD4J Sample per second, later value wins. */
    private static void applyThroughRrd4j(RrdDb db, List<Sample> call) throws IOException {
        List<Sample> sorted = new ArrayList<>(call);
        sorted.sort(java.util.Comparator.comparingLong(s -> s.at().getEpochSecond()));
        int i = 0;
        while (i < sorted.size()) {
            long t = sorted.get(i).at().getEpochSecond();
            double[] v = new double[db.getDsCount()];
            Arrays.fill(v, Double.NaN);
            for (; i < sorted.size() && sorted.get(i).at().getEpochSecond() == t; i++) {
                v[db.getDsIndex(sorted.get(i).series().metric())] = sorted.get(i).value();
            }
            if (t > db.getLastUpdateTime()) {
                db.createSample(t).setValues(v).update();
            }
        }
    }

    private Path writeOnce(RrdLayout layout) {
        SeriesId id = new SeriesId("r1", "if", "1", "inOctets");
        try (RrdSeriesStore store = new RrdSeriesStore(dataDir, SCHEMA, d -> layout, RrdStoreOptions.defaults())) {
            WriteReport r = store.write(List.of(new Sample(id, T0, 1.0)));
            assertEquals(List.of(), r.errors());
        }
        return SeriesFile.forWrite(id, SCHEMA).path(dataDir);
    }
}
