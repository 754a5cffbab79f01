package io.mibwatch.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rrd4j.ConsolFun;
import org.rrd4j.core.Archive;
import org.rrd4j.core.FetchData;
import org.rrd4j.core.RrdDb;
import org.rrd4j.core.RrdNioBackendFactory;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Differential test of {@link RrdRowWriter} against RRD4J 3.10 itself: two identical files, the
 * same sequence of updates, one file updated by RRD4J's {@code Sample.update()} (stock NIO backend,
 * as the store used before), the other by the row writer (through {@link SharedMappingNioFactory},
 * as the store uses now). After EVERY event the two files must be byte-identical, and at the end
 * (and after each reopen) RRD4J's fetch of every archive must return the same data from both: the
 * second also proves RRD4J reads the writer's bytes through the shared mapping, not stale copies.
 */
class RrdRowWriterIT {

    private static final List<String> DS = List.of("inOctets", "outOctets", "operStatus");

    /** The layouts the store creates: stock at 5 s and 60 s, the benchmarks' short-span stock. */
    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("stock-5s", RrdLayout.stock(Duration.ofSeconds(5)), true),
                Arguments.of("stock-60s", RrdLayout.stock(Duration.ofSeconds(60)), true),
                Arguments.of("stock-60s-backfill", RrdLayout.stock(Duration.ofSeconds(60)), false),
                Arguments.of("bench-60s", benchLayout(), true),
                Arguments.of("tiny-5s", tinyLayout(), true));
    }

    /** RrdUpdateBenchmark.benchLayout(): stock resolutions, spans of 1 h, 5 h, 60 h, 30 d. */
    static RrdLayout benchLayout() {
        return new RrdLayout(Duration.ofSeconds(60), Duration.ofSeconds(150), List.of(
                new RrdLayout.Archive(Duration.ofMinutes(1), Duration.ofHours(1)),
                new RrdLayout.Archive(Duration.ofMinutes(5), Duration.ofHours(5)),
                new RrdLayout.Archive(Duration.ofHours(1), Duration.ofHours(60)),
                new RrdLayout.Archive(Duration.ofDays(1), Duration.ofDays(30))));
    }

    /** Few rows, so a few thousand steps wrap every archive many times through regular updates. */
    static RrdLayout tinyLayout() {
        return new RrdLayout(Duration.ofSeconds(5), Duration.ofSeconds(12), List.of(
                new RrdLayout.Archive(Duration.ofSeconds(5), Duration.ofSeconds(50)),
                new RrdLayout.Archive(Duration.ofSeconds(15), Duration.ofSeconds(105)),
                new RrdLayout.Archive(Duration.ofSeconds(60), Duration.ofSeconds(300))));
    }

    /** One thing done to both files. */
    sealed interface Event permits Update, Reopen {
    }

    /** An update; values by data source index, NaN = not polled. */
    record Update(long time, double[] values) implements Event {
        @Override
        public String toString() {
            return "update " + time + " " + Arrays.toString(values);
        }
    }

    /** Close and reopen both files (the store's LRU closing): RRD4J's in-memory state starts over. */
    record Reopen() implements Event {
    }

    @TempDir
    Path dir;

    private RrdDb reference;
    private RrdDb fast;
    private RrdRowWriter writer;
    private final RrdNioBackendFactory stockFactory = new RrdNioBackendFactory(0, (ScheduledExecutorService) null);
    private final SharedMappingNioFactory sharedFactory = new SharedMappingNioFactory();

    @AfterEach
    void closeFiles() throws IOException {
        if (reference != null) {
            reference.close();
        }
        if (fast != null) {
            fast.close();
        }
    }

    // ------------------------------------------------------------------ scripted sequences

    /** Named scripted sequences; each a function of the layout's step and the start time. */
    static Stream<Arguments> scripted() {
        List<Arguments> all = new ArrayList<>();
        layouts().forEach(l -> {
            RrdLayout layout = (RrdLayout) l.get()[1];
            for (String script : List.of("regular", "nan-values", "missing-ds", "gap-under-heartbeat",
                    "gap-over-heartbeat", "gap-over-longest-span", "non-aligned", "same-step-twice", "rejected",
                    "reopen-mid-step")) {
                all.add(Arguments.of(l.get()[0], layout, l.get()[2], script));
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("scripted")
    void scriptedSequenceGivesIdenticalBytes(String name, RrdLayout layout, boolean onePoint, String script) throws IOException {
        long step = layout.step().getSeconds();
        long start = 1_763_683_200L; // 2025-11-21T00:00:00Z, a multiple of every resolution used here
        create(layout, onePoint, start);
        List<Event> events = new ArrayList<>();
        long t = start;
        // a little history first, so states and rows are not all unknown
        for (int k = 0; k < 30; k++) {
            t += step;
            events.add(new Update(t, new double[] {k, 1000 - k, 1}));
        }
        long longest = layout.archives().stream().mapToLong(a -> a.span().getSeconds()).max().orElseThrow();
        switch (script) {
            case "regular" -> {
                for (int k = 0; k < 200; k++) {
                    t += step;
                    events.add(new Update(t, new double[] {k * 1.5, k % 7 - 3.25, k % 2}));
                }
            }
            case "nan-values" -> {
                for (int k = 0; k < 60; k++) {
                    t += step;
                    boolean unknown = k % 10 >= 4; // runs of unknown points, some rows over the xff
                    events.add(new Update(t, unknown ? nans() : new double[] {k, -k, 0.0}));
                }
            }
            case "missing-ds" -> {
                for (int k = 0; k < 60; k++) {
                    t += step;
                    events.add(new Update(t, new double[] {k % 3 == 0 ? Double.NaN : k, k % 5 == 0 ? k : Double.NaN, 2}));
                }
            }
            case "gap-under-heartbeat" -> {
                for (int k = 0; k < 20; k++) {
                    t += 2 * step; // heartbeat is 2.5 steps: still bridged
                    events.add(new Update(t, new double[] {k, k + 1, 1}));
                }
            }
            case "gap-over-heartbeat" -> {
                for (int k = 0; k < 20; k++) {
                    t += 3 * step + (k % 2);
                    events.add(new Update(t, new double[] {k, k + 1, 1}));
                }
            }
            case "gap-over-longest-span" -> {
                t += longest + 7 * step + 3;
                events.add(new Update(t, new double[] {5, 6, 1}));
                for (int k = 0; k < 20; k++) {
                    t += step;
                    events.add(new Update(t, new double[] {k, k, 1}));
                }
                t += 2 * longest + step;
                events.add(new Update(t, new double[] {7, Double.NaN, 1}));
                t += 1;
                events.add(new Update(t, new double[] {8, 9, 1}));
            }
            case "non-aligned" -> {
                for (int k = 0; k < 80; k++) {
                    t += step + (k % 3 == 0 ? 1 : -1) * Math.min(step - 1, k % 4);
                    events.add(new Update(t, new double[] {k * 0.1, 3 - k, k % 2}));
                }
            }
            case "same-step-twice" -> {
                for (int k = 0; k < 40; k++) {
                    t += step;
                    events.add(new Update(t, new double[] {k, k, 1}));
                    events.add(new Update(t + Math.max(1, step / 2), new double[] {k + 100, Double.NaN, 0}));
                    t += Math.max(1, step / 2);
                }
            }
            case "rejected" -> {
                for (int k = 0; k < 20; k++) {
                    t += step;
                    events.add(new Update(t, new double[] {k, k, 1}));
                    events.add(new Update(t, new double[] {-1, -1, -1}));     // same second: rejected
                    events.add(new Update(t - 1, new double[] {-2, -2, -2})); // earlier: rejected
                }
            }
            case "reopen-mid-step" -> {
                for (int k = 0; k < 20; k++) {
                    t += step;
                    events.add(new Update(t, new double[] {k, 2 * k, 1}));
                    if (step > 1) {
                        events.add(new Update(t + 1, new double[] {k + 0.5, 2 * k + 0.5, 0}));
                        t += 1;
                    }
                    events.add(new Reopen());
                }
            }
            default -> fail("unknown script " + script);
        }
        int rejected = replay(layout, events);
        assertEquals("rejected".equals(script) ? 40 : 0, rejected, "updates rejected by both");
    }

    // ------------------------------------------------------------------ random sequences

    static Stream<Arguments> randomRuns() {
        List<Arguments> all = new ArrayList<>();
        layouts().forEach(l -> {
            for (long seed : new long[] {1L, 20261121L}) {
                all.add(Arguments.of(l.get()[0], l.get()[1], l.get()[2], seed));
            }
        });
        return all.stream();
    }

    /**
     * Thousands of random events: regular steps with jitter, second updates in a step, unknown and
     * missing values, rejected times, short and long gaps (longer than the longest archive's span,
     * so every archive's pointer wraps through bulk stores), reopenings.
     */
    @ParameterizedTest(name = "{0} seed {3}")
    @MethodSource("randomRuns")
    void randomSequenceGivesIdenticalBytes(String name, RrdLayout layout, boolean onePoint, long seed) throws IOException {
        Random rnd = new Random(seed);
        long step = layout.step().getSeconds();
        long start = 1_763_683_200L + rnd.nextInt(1000); // also a non-aligned start
        create(layout, onePoint, start);
        long longest = layout.archives().stream().mapToLong(a -> a.span().getSeconds()).max().orElseThrow();
        long hb = layout.heartbeat().getSeconds();
        List<Event> events = new ArrayList<>();
        long t = start;
        for (int k = 0; k < 3000; k++) {
            int pick = rnd.nextInt(1000);
            if (pick < 700) {
                t += step + (rnd.nextInt(3) - 1) * rnd.nextInt((int) Math.max(1, step / 2));
            } else if (pick < 800) {
                t += 1 + rnd.nextInt((int) step); // another update within about a step
            } else if (pick < 850) {
                long back = rnd.nextInt(3);
                events.add(new Update(t - back, values(rnd))); // t <= last: rejected by both
                continue;
            } else if (pick < 930) {
                t += hb - step + rnd.nextInt((int) (2 * step + 2)); // around the heartbeat
            } else if (pick < 980) {
                t += step * (2 + rnd.nextInt(400)); // a few hundred steps
            } else if (pick < 995) {
                t += longest / 4 + (long) (rnd.nextDouble() * 1.5 * longest); // up to beyond the longest span
            } else {
                events.add(new Reopen());
                continue;
            }
            events.add(new Update(t, values(rnd)));
        }
        assertTrue(t - start > longest, "the sequence must outlast the longest archive so every archive wraps");
        replay(layout, events);
    }

    private static double[] values(Random rnd) {
        double[] v = new double[DS.size()];
        for (int i = 0; i < v.length; i++) {
            int kind = rnd.nextInt(20);
            v[i] = switch (kind) {
                case 0, 1 -> Double.NaN;
                case 2 -> 0.0;
                case 3 -> -0.0;
                case 4 -> rnd.nextInt(3); // repeated small values (MIN/MAX ties)
                case 5 -> -rnd.nextDouble() * 1e6;
                default -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(12));
            };
        }
        return v;
    }

    private static double[] nans() {
        double[] v = new double[DS.size()];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    // ------------------------------------------------------------------ machinery

    private Path referencePath;
    private Path fastPath;

    private void create(RrdLayout layout, boolean onePoint, long start) throws IOException {
        referencePath = dir.resolve("reference.rrd");
        fastPath = dir.resolve("fast.rrd");
        RrdDb.getBuilder().setRrdDef(RrdSeriesStore.definition(referencePath.toString(), DS, start, layout, onePoint))
                .setBackendFactory(stockFactory).build().close();
        Files.copy(referencePath, fastPath);
        open();
    }

    private void open() throws IOException {
        reference = RrdDb.getBuilder().setPath(referencePath.toString()).setBackendFactory(stockFactory).build();
        fast = RrdDb.getBuilder().setPath(fastPath.toString()).setBackendFactory(sharedFactory).build();
        writer = RrdRowWriter.of(fast).orElseThrow(() -> new AssertionError("the store's layout must be covered"));
    }

    private int replay(RrdLayout layout, List<Event> events) throws IOException {
        try (FileChannel a = FileChannel.open(referencePath, StandardOpenOption.READ);
             FileChannel b = FileChannel.open(fastPath, StandardOpenOption.READ)) {
            MappedByteBuffer ref = a.map(FileChannel.MapMode.READ_ONLY, 0, a.size());
            MappedByteBuffer got = b.map(FileChannel.MapMode.READ_ONLY, 0, b.size());
            assertEquals(-1, ref.mismatch(got), "files differ before any update");
            int updates = 0;
            int rejected = 0;
            for (int n = 0; n < events.size(); n++) {
                Event e = events.get(n);
                if (e instanceof Reopen) {
                    assertSameFetches(layout, "before reopen at event " + n);
                    reference.close();
                    fast.close();
                    open();
                } else if (e instanceof Update u) {
                    boolean refRejected = false;
                    try {
                        reference.createSample(u.time()).setValues(u.values()).update();
                    } catch (IllegalArgumentException ex) {
                        refRejected = true;
                    }
                    if (refRejected) {
                        long before = writer.lastUpdateTime();
                        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                                () -> writer.update(u.time(), u.values()), "event " + n + " " + u);
                        assertTrue(ex.getMessage().startsWith("Bad sample time: " + u.time()), ex.getMessage());
                        assertEquals(before, writer.lastUpdateTime());
                        rejected++;
                    } else {
                        writer.update(u.time(), u.values());
                        updates++;
                    }
                }
                int at = ref.mismatch(got);
                if (at != -1) {
                    fail("files differ at byte " + at + " (" + describe(at) + ") after event " + n + ": " + e
                            + "; previous " + (n > 0 ? events.get(n - 1) : "none"));
                }
            }
            assertTrue(updates > 0);
            assertSameFetches(layout, "at the end");
            return rejected;
        }
    }

    /** Where in the file a byte offset is, for failure messages. */
    private String describe(int offset) {
        try {
            int dsCount = reference.getDsCount();
            long headerAndDs = 64 + 128L * dsCount;
            if (offset < 64) {
                return "header";
            }
            if (offset < headerAndDs) {
                int ds = (offset - 64) / 128;
                return "data source " + ds + " field at +" + ((offset - 64) % 128);
            }
            long o = headerAndDs;
            for (int a = 0; a < reference.getArcCount(); a++) {
                Archive arc = reference.getArchive(a);
                long size = 56 + 20L * dsCount + 8L * arc.getRows() * dsCount;
                if (offset < o + size) {
                    long in = offset - o;
                    String where = in < 56 ? "definition" : in < 56 + 20L * dsCount
                            ? "state of ds " + (in - 56) / 20 + " at +" + (in - 56) % 20
                            : "row " + (in - 56 - 20L * dsCount) / 8 / dsCount + " ds " + (in - 56 - 20L * dsCount) / 8 % dsCount;
                    return "archive " + a + " " + arc.getConsolFun() + "/" + arc.getSteps() + " " + where;
                }
                o += size;
            }
            return "beyond the archives";
        } catch (IOException e) {
            return "?";
        }
    }

    /** Every archive of both files, fetched whole through RRD4J, must hold the same data. */
    private void assertSameFetches(RrdLayout layout, String when) throws IOException {
        assertEquals(reference.getLastUpdateTime(), fast.getLastUpdateTime(), when);
        for (int a = 0; a < reference.getArcCount(); a++) {
            Archive arc = reference.getArchive(a);
            ConsolFun cf = arc.getConsolFun();
            long res = arc.getArcStep();
            FetchData x = reference.createFetchRequest(cf, arc.getStartTime(), arc.getEndTime(), res).fetchData();
            FetchData y = fast.createFetchRequest(cf, arc.getStartTime(), arc.getEndTime(), res).fetchData();
            assertArrayEquals(x.getTimestamps(), y.getTimestamps(), when + ": archive " + a);
            for (int i = 0; i < DS.size(); i++) {
                assertArrayEquals(x.getValues(i), y.getValues(i), when + ": archive " + a + " " + cf + "/" + res + " ds " + i);
            }
        }
    }
}
