package io.mibwatch.benchmarks;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.thresholds.alert.AlertChanges;
import io.mibwatch.thresholds.alert.AlertTracker;
import io.mibwatch.thresholds.alert.Dependencies;
import io.mibwatch.thresholds.alert.FlapPolicy;
import io.mibwatch.thresholds.rule.History;
import io.mibwatch.thresholds.rule.InterfaceDown;
import io.mibwatch.thresholds.rule.Observation;
import io.mibwatch.thresholds.rule.RuleConfig;
import io.mibwatch.thresholds.rule.RuleEngine;
import io.mibwatch.thresholds.rule.RuleResult;
import io.mibwatch.thresholds.rule.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of evaluating one sample with the real rule engine (evaluation cost per
 * sample in ns): {@link RuleEngine#observe} over {@code RuleSet.standard(RuleConfig.DEFAULTS)},
 * i.e. the rules a default install applies, and the {@link AlertTracker} step that follows it in
 * the daemon.
 *
 * <p>Each benchmark cycles through {@value #SERIES} series of one kind on {@value #DEVICES}
 * devices, so the engine's per-series maps are looked up as in a fleet rather than hitting one
 * hot entry; a full pass advances the sample time by one 60 s poll interval. Values are the
 * common case (healthy: below every threshold, interfaces up), because that is what almost every
 * sample of a real fleet is; the {@link History} stub answers adminStatus = up(1) and nothing
 * else, so no storage is read (the daemon's RRD-backed history is not part of this figure).
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -B -Pbenchmarks -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar RuleEvaluationBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class RuleEvaluationBenchmark {

    static final int DEVICES = 100;
    static final int SERIES = 1024;
    static final Duration INTERVAL = Duration.ofSeconds(60);

    /** Answers "adminStatus is up" (so the interface-down rule reads history) and nothing else. */
    static final History ADMIN_UP = (series, at) -> series.metric().equals(InterfaceDown.ADMIN)
            ? OptionalDouble.of(1) : OptionalDouble.empty();

    private RuleEngine engine;
    private AlertTracker tracker;
    private ManualClock clock;
    private SeriesId[] load;
    private SeriesId[] inErrors;
    private SeriesId[] inUtil;
    private SeriesId[] operStatus;
    private int next;
    private Instant now;
    private List<RuleResult> healthyResults;

    @Setup(Level.Trial)
    public void setUp() {
        now = Instant.parse("2026-11-21T00:00:00Z");
        clock = new ManualClock(now);
        engine = new RuleEngine(RuleSet.standard(RuleConfig.DEFAULTS), ADMIN_UP);
        tracker = new AlertTracker(clock, Dependencies.NONE, FlapPolicy.DEFAULT, Duration.ofMinutes(15));
        load = new SeriesId[SERIES];
        inErrors = new SeriesId[SERIES];
        inUtil = new SeriesId[SERIES];
        operStatus = new SeriesId[SERIES];
        for (int i = 0; i < SERIES; i++) {
            String device = "dev" + (i % DEVICES);
            String instance = Integer.toString(i / DEVICES + 1);
            load[i] = new SeriesId(device, "cpu", instance, "load");
            inErrors[i] = new SeriesId(device, "interfaces", instance, "inErrors");
            inUtil[i] = new SeriesId(device, "interfaces", instance, "inUtil");
            operStatus[i] = new SeriesId(device, "interfaces", instance, "operStatus");
        }
        requireRules(load[0]);
        requireRules(inErrors[0]);
        requireRules(inUtil[0]);
        requireRules(operStatus[0]);
        healthyResults = engine.observe(new Observation.Value(load[0], now, 35.0));
    }

    /** A benchmark of a series without rules would measure a map lookup: fail loudly instead. */
    private void requireRules(SeriesId s) {
        if (engine.rulesFor(s).isEmpty()) {
            throw new IllegalStateException("no default rule applies to " + s + ": the benchmark would measure nothing");
        }
        System.out.println("rules for " + s.path() + ": " + engine.rulesFor(s).stream().map(r -> r.id().toString()).toList());
    }

    /** The next series index; a completed pass is the next poll interval. */
    private int step() {
        int i = next++;
        if (next == SERIES) {
            next = 0;
            now = now.plus(INTERVAL);
            clock.set(now);
        }
        return i;
    }

    /** cpu/N/load at 35..42 %: the catalog's reference rule for hrProcessorLoad (80/90 %). */
    @Benchmark
    public List<RuleResult> percentageLoad() {
        int i = step();
        return engine.observe(new Observation.Value(load[i], now, 35.0 + (i & 7)));
    }

    /**
     * interfaces/N/inErrors as stored: the per-second rate of the counter, under its catalog
     * reference rule (errors > 1/s for 5 min). The octet counters themselves carry no rule.
     */
    @Benchmark
    public List<RuleResult> interfaceInErrorsRate() {
        int i = step();
        return engine.observe(new Observation.Value(inErrors[i], now, 0.02 * (i & 3)));
    }

    /** interfaces/N/inUtil, the % derived from the inOctets rate, under its reference rule (80/90 %). */
    @Benchmark
    public List<RuleResult> interfaceInUtil() {
        int i = step();
        return engine.observe(new Observation.Value(inUtil[i], now, 12.5 + (i & 7)));
    }

    /** interfaces/N/operStatus up(1): the interface-down event rule. */
    @Benchmark
    public List<RuleResult> operStatusUp() {
        int i = step();
        return engine.observe(new Observation.Value(operStatus[i], now, 1));
    }

    /**
     * interfaces/N/operStatus down(2) while admin up: reads adminStatus through History; the port
     * was never seen up (an unused access port), so no condition is raised (the common down case).
     */
    @Benchmark
    public List<RuleResult> operStatusDown() {
        int i = step();
        return engine.observe(new Observation.Value(operStatus[i], now, 2));
    }

    /** The daemon's path for one healthy sample: rule engine, then the alert tracker. */
    @Benchmark
    public AlertChanges percentageLoadAndTrack() {
        int i = step();
        return tracker.onResults(engine.observe(new Observation.Value(load[i], now, 35.0 + (i & 7))));
    }

    /** The alert tracker alone on one healthy result (no alert exists: the common case). */
    @Benchmark
    public AlertChanges trackerHealthy() {
        return tracker.onResults(healthyResults);
    }
}
