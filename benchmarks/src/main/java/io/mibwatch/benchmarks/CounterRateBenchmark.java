package io.mibwatch.benchmarks;

import io.mibwatch.core.series.ValueKind;
import io.mibwatch.poller.rate.CounterObservation;
import io.mibwatch.poller.rate.CounterRate;
import io.mibwatch.poller.rate.RateResult;
import java.time.Instant;
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
 * Counter-to-rate (a per-varbind cost of the poll path): {@link CounterRate#rate} for a Counter64 pair 60 s apart with
 * sysUpTime and ifCounterDiscontinuityTime known, i.e. every check of the normal path runs and
 * the result is a rate. {@value #PAIRS} different pairs are cycled so the values are not constants.
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -B -Pbenchmarks -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar CounterRateBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class CounterRateBenchmark {

    static final int PAIRS = 1024;
    /** 10 Gb/s in octets per second: the limit a 10G port's ifHighSpeed gives. */
    static final double MAX_PER_SECOND = 10e9 / 8;

    private CounterObservation[] prev;
    private CounterObservation[] cur;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        prev = new CounterObservation[PAIRS];
        cur = new CounterObservation[PAIRS];
        Instant t0 = Instant.parse("2026-11-21T00:00:00Z");
        for (int i = 0; i < PAIRS; i++) {
            long raw = 1_000_000_000_000L * (i + 1);
            long uptime = 8_640_000L + i;
            prev[i] = new CounterObservation(raw, ValueKind.COUNTER64, t0, uptime, 0);
            cur[i] = new CounterObservation(raw + 75_000_000L + i, ValueKind.COUNTER64, t0.plusSeconds(60),
                    uptime + 6_000, 0);
            // a gap would measure the early-exit path, not the rate arithmetic
            if (!(CounterRate.rate(prev[i], cur[i], MAX_PER_SECOND) instanceof RateResult.Rate)) {
                throw new IllegalStateException("pair " + i + " gives " + CounterRate.rate(prev[i], cur[i], MAX_PER_SECOND));
            }
        }
    }

    @Benchmark
    public RateResult counter64Rate() {
        int i = next;
        next = (i + 1) & (PAIRS - 1);
        return CounterRate.rate(prev[i], cur[i], MAX_PER_SECOND);
    }
}
