package io.mibwatch.benchmarks;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.thresholds.alert.AlertChanges;
import io.mibwatch.thresholds.alert.AlertTracker;
import io.mibwatch.thresholds.alert.Dependencies;
import io.mibwatch.thresholds.alert.FlapPolicy;
import io.mibwatch.thresholds.rule.Observation;
import io.mibwatch.thresholds.rule.RuleConfig;
import io.mibwatch.thresholds.rule.RuleEngine;
import io.mibwatch.thresholds.rule.RuleResult;
import io.mibwatch.thresholds.rule.RuleSet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One million active series through the rule engine and the alert tracker: the
 * evaluation cost and the heap per active series (the target is at most 1 KiB) at a million series.
 *
 * <p>{@value #DEVICES} devices x {@value #SERIES_PER_DEVICE} series: 12 interfaces x 8
 * (in/outOctets rates without rules; in/outErrors, in/outDiscards rates and inUtil with their catalog
 * reference rules; operStatus with the interface-down rule), two cpu/N/load,
 * system//uptime and poll//reachable, all healthy. One invocation is one full poll round: every
 * series gets one sample through {@link RuleEngine#observe}, and each device's results go to
 * {@link AlertTracker#onResults} in one call as the daemon does, on one thread; the score is divided by the number of samples, so it reads as ns/sample.
 *
 * <p>The trial setup builds the series, then runs one round so every (rule, series) state exists,
 * and prints the heap used after GC before and after it: the difference over the number of series
 * is the engine's + tracker's retained heap per active series. The SeriesId objects themselves
 * (held by the poll plan in the daemon) are printed as a separate figure.
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -B -Pbenchmarks -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar MillionSeriesBenchmark -f 1 -wi 2 -i 3
 * </pre>
 * The "heap:" lines are printed by the forked JVM before the first iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class MillionSeriesBenchmark {

    static final int DEVICES = 10_000;
    static final int SERIES_PER_DEVICE = 100;
    static final int SERIES = DEVICES * SERIES_PER_DEVICE;
    static final int INTERFACES = 12;
    static final String[] IF_METRICS = {"inOctets", "outOctets", "inErrors", "outErrors", "inDiscards",
            "outDiscards", "inUtil", "operStatus"};
    static final Duration INTERVAL = Duration.ofSeconds(60);

    private SeriesId[] series;
    private double[] values;
    private RuleEngine engine;
    private AlertTracker tracker;
    private ManualClock clock;
    private Instant now;
    private double uptime;

    @Setup(Level.Trial)
    public void setUp() {
        long empty = usedAfterGc();
        series = new SeriesId[SERIES];
        values = new double[SERIES];
        String[] instances = new String[INTERFACES + 1];
        for (int i = 0; i <= INTERFACES; i++) {
            instances[i] = Integer.toString(i);
        }
        int n = 0;
        for (int d = 0; d < DEVICES; d++) {
            String device = "dev" + d;
            for (int f = 1; f <= INTERFACES; f++) {
                for (String m : IF_METRICS) {
                    series[n] = new SeriesId(device, "interfaces", instances[f], m);
                    values[n++] = healthy(m);
                }
            }
            series[n] = new SeriesId(device, "cpu", instances[1], "load");
            values[n++] = 35;
            series[n] = new SeriesId(device, "cpu", instances[2], "load");
            values[n++] = 20;
            series[n] = new SeriesId(device, "system", "", "uptime");
            values[n++] = -1; // set per round: it must grow, a drop is a reboot
            series[n] = new SeriesId(device, "poll", "", "reachable");
            values[n++] = 1;
        }
        if (n != SERIES) {
            throw new IllegalStateException("built " + n + " series, expected " + SERIES);
        }
        long withSeries = usedAfterGc();

        now = Instant.parse("2026-11-21T00:00:00Z");
        clock = new ManualClock(now);
        engine = new RuleEngine(RuleSet.standard(RuleConfig.DEFAULTS), RuleEvaluationBenchmark.ADMIN_UP);
        tracker = new AlertTracker(clock, Dependencies.NONE, FlapPolicy.DEFAULT, Duration.ofMinutes(15));
        uptime = 86_400;
        long results = round(null);
        long withState = usedAfterGc();

        System.out.printf("heap: %,d series, %,d rule results per round%n", SERIES, results);
        System.out.printf("heap: SeriesId objects + value array: %,d bytes/series%n", (withSeries - empty) / SERIES);
        System.out.printf("heap: rule engine + alert tracker state: %,d bytes/series (%,d MiB in all)%n",
                (withState - withSeries) / SERIES, (withState - withSeries) >> 20);
        System.out.printf("heap: alerts tracked after the round: %,d%n", tracker.alerts().size());
    }

    private static double healthy(String ifMetric) {
        return switch (ifMetric) {
            case "inOctets", "outOctets" -> 1.25e6;
            case "inErrors", "outErrors", "inDiscards", "outDiscards" -> 0;
            case "inUtil" -> 12.5;
            default -> 1; // operStatus: up(1)
        };
    }

    /**
     * One sample per series at {@code now}, fed as the daemon's alerting does per device poll
     * (the AlertPipeline): every sample through the engine, then one tracker call with the device's
     * reachability and one with all of the device's results. Then the clock moves one interval.
     */
    private long round(Blackhole bh) {
        long results = 0;
        List<RuleResult> deviceResults = new ArrayList<>(2 * SERIES_PER_DEVICE);
        for (int d = 0; d < DEVICES; d++) {
            deviceResults.clear();
            int base = d * SERIES_PER_DEVICE;
            for (int i = base; i < base + SERIES_PER_DEVICE; i++) {
                double v = values[i] < 0 ? uptime : values[i];
                deviceResults.addAll(engine.observe(new Observation.Value(series[i], now, v)));
            }
            results += deviceResults.size();
            AlertChanges reach = tracker.deviceReachability(series[base].device(), true);
            AlertChanges changes = tracker.onResults(deviceResults);
            if (bh != null) {
                bh.consume(reach);
                bh.consume(changes);
            }
        }
        now = now.plus(INTERVAL);
        uptime += INTERVAL.toSeconds();
        clock.set(now);
        return results;
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public void fullRound(Blackhole bh) {
        bh.consume(round(bh));
    }

    private static long usedAfterGc() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return mem.getHeapMemoryUsage().getUsed();
    }
}
