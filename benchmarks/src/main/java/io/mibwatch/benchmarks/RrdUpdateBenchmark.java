package io.mibwatch.benchmarks;

import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.RrdLayout;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.RrdStoreOptions;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.storage.WriteReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RRD4J updates through the product's {@link RrdSeriesStore}: NIO backend, files kept open, many
 * files (a per-varbind cost of the poll path). One invocation writes one poll cycle of {@link #devices} devices x
 * {@value #INTERFACES} interfaces: per device one {@code write} call with the 10 polled series of
 * each interface (8 counters as rates + admin/oper status), as the daemon does; every interface is
 * one file, so one invocation = devices x 10 file updates. The score is per cycle: divide it by
 * devices x 10 for one file update (10 series values) and by devices x 100 for one series value.
 * The clock moves one 60 s step per invocation.
 *
 * <p>Layout: the stock archives (1 min, 5 min, 1 h, 1 day, each AVERAGE/MIN/MAX), so an update
 * touches the same 12 archives as in production, but with short spans (1 h, 5 h, 60 h, 30 d: 60 + 60 + 60 + 30 rows)
 * so that thousands of files fit in the page cache and on disk (the stock 2 d / 14 d / 93 d / 3 y
 * spans make a 12-source file 2.9 MB; the work per update does not depend on the row count).
 * With {@code devices=500} the 5,000 files stay under the store's open-file bound (4,096 would
 * not: use {@code -p devices=300} to see the kept-open case only).
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -B -Pbenchmarks -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar RrdUpdateBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RrdUpdateBenchmark {

    static final int INTERFACES = 10;
    static final String[] METRICS = {"inOctets", "outOctets", "inUcastPkts", "outUcastPkts", "inDiscards", "inErrors",
        "outDiscards", "outErrors", "adminStatus", "operStatus"};
    static final Duration STEP = Duration.ofSeconds(60);

    /** Devices per cycle; x 10 interfaces = files. */
    @Param({"300"})
    public int devices;

    private Path dir;
    private RrdSeriesStore store;
    private List<List<SeriesId>> seriesByDevice;
    private Instant now;
    private int round;

    static RrdLayout benchLayout() {
        return new RrdLayout(STEP, Duration.ofSeconds(150), List.of(
                new RrdLayout.Archive(Duration.ofMinutes(1), Duration.ofHours(1)),
                new RrdLayout.Archive(Duration.ofMinutes(5), Duration.ofHours(5)),
                new RrdLayout.Archive(Duration.ofHours(1), Duration.ofHours(60)),
                new RrdLayout.Archive(Duration.ofDays(1), Duration.ofDays(30))));
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("rrd-bench");
        store = new RrdSeriesStore(dir, new SeriesSchema(StandardMetrics.dsNamesByGroup()), d -> benchLayout(), RrdStoreOptions.defaults());
        seriesByDevice = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            List<SeriesId> ids = new ArrayList<>();
            for (int i = 1; i <= INTERFACES; i++) {
                for (String m : METRICS) {
                    ids.add(new SeriesId(String.format("dev%05d", d), "interfaces", Integer.toString(i), m));
                }
            }
            seriesByDevice.add(ids);
        }
        // aligned to the step, like the daemon's phase-spread polls are within their step
        now = Instant.ofEpochSecond(Instant.parse("2026-11-21T00:00:00Z").getEpochSecond());
        cycle(); // creates the files, outside the measurement
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public long cycle() {
        now = now.plus(STEP);
        round++;
        long updates = 0;
        for (List<SeriesId> ids : seriesByDevice) {
            List<Sample> samples = new ArrayList<>(ids.size());
            for (int k = 0; k < ids.size(); k++) {
                samples.add(new Sample(ids.get(k), now, (round * 31 + k) % 1000));
            }
            WriteReport r = store.write(samples);
            if (!r.errors().isEmpty()) {
                throw new IllegalStateException(r.errors().get(0));
            }
            updates += r.updates();
        }
        return updates;
    }
}
