package io.mibwatch.benchmarks;

import io.mibwatch.thresholds.baseline.BaselineTable;
import io.mibwatch.thresholds.baseline.SlotStats;
import io.mibwatch.thresholds.baseline.SlotWidth;
import io.mibwatch.thresholds.baseline.TimedValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Baseline slot lookup: what a baseline rule does for every sample, finding the
 * learned statistics of the time slot the sample falls in ({@link BaselineTable#at}: day kind and
 * slot index in the table's zone). The table is learned once from 4 weeks of 5-minute history;
 * each call asks for the next sample time, 60 s later, so slots, days and (in Europe/Berlin) the
 * zone rules are all exercised.
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -B -Pbenchmarks -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar BaselineSlotBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class BaselineSlotBenchmark {

    @Param({"UTC", "Europe/Berlin"})
    public String zone;

    @Param({"MIN_20", "MIN_60"})
    public String width;

    private BaselineTable table;
    private long t;
    private long start;

    @Setup(Level.Trial)
    public void setUp() {
        Instant end = Instant.parse("2026-11-21T00:00:00Z");
        Duration step = Duration.ofMinutes(5);
        List<TimedValue> history = new ArrayList<>();
        for (Instant at = end.minus(Duration.ofDays(28)); at.isBefore(end); at = at.plus(step)) {
            double hour = at.atZone(ZoneId.of(zone)).getHour();
            history.add(new TimedValue(at, 100 + 50 * Math.sin(hour / 24 * 2 * Math.PI)));
        }
        table = BaselineTable.compute(history, step, SlotWidth.valueOf(width), true, ZoneId.of(zone));
        start = end.getEpochSecond();
        t = start;
    }

    @Benchmark
    public SlotStats slotOfNextSample() {
        t += 60;
        if (t - start > 28 * 86_400) {
            t = start;
        }
        return table.at(Instant.ofEpochSecond(t));
    }
}
