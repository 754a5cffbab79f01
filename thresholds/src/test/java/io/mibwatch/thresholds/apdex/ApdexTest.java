package io.mibwatch.thresholds.apdex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApdexTest {

    private static final SeriesId RTT = new SeriesId("r1", "ipsla", "10", "rtt");
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    /** samples, T, expected satisfied, tolerating, frustrated, score. */
    static Stream<Arguments> definition() {
        return Stream.of(
                Arguments.of(List.of(100.0), 100.0, 1, 0, 0, 1.0),               // exactly T: satisfied
                Arguments.of(List.of(100.0001), 100.0, 0, 1, 0, 0.5),            // just above T: tolerating
                Arguments.of(List.of(400.0), 100.0, 0, 1, 0, 0.5),               // exactly 4T: tolerating
                Arguments.of(List.of(400.0001), 100.0, 0, 0, 1, 0.0),            // just above 4T: frustrated
                Arguments.of(List.of(0.0), 100.0, 1, 0, 0, 1.0),
                Arguments.of(List.of(50.0, 150.0, 500.0, 90.0), 100.0, 2, 1, 1, 0.625), // (2 + 0.5) / 4
                Arguments.of(List.of(1.0, 2.0, 3.0), 0.5, 0, 2, 1, 1.0 / 3),     // (0 + 1) / 3
                Arguments.of(List.of(10.0, Double.NaN, 1000.0), 100.0, 1, 0, 1, 0.5)); // NaN skipped
    }

    @ParameterizedTest
    @MethodSource("definition")
    void scoresByTheApdexDefinition(List<Double> samples, double t, long s, long tol, long f, double score) {
        ApdexResult r = Apdex.score(samples, t);
        assertEquals(new ApdexResult(s, tol, f), r);
        assertEquals(s + tol + f, r.total());
        assertEquals(score, r.score().orElseThrow(), 1e-12);
    }

    @Test
    void emptyWindowHasNoScoreNeitherOneNorZero() {
        assertTrue(Apdex.score(List.of(), 100.0).score().isEmpty());
        assertTrue(Apdex.score(List.of(Double.NaN, Double.NaN), 100.0).score().isEmpty());
        assertEquals(0, ApdexResult.EMPTY.total());
    }

    static Stream<Arguments> higherIsBetter() {
        return Stream.of(
                Arguments.of(4.0, Target.Zone.SATISFIED),   // exactly T
                Arguments.of(3.99, Target.Zone.TOLERATING),
                Arguments.of(1.0, Target.Zone.TOLERATING),  // exactly T/4
                Arguments.of(0.99, Target.Zone.FRUSTRATED));
    }

    @ParameterizedTest
    @MethodSource("higherIsBetter")
    void higherIsBetterMirrorsTheZones(double x, Target.Zone zone) {
        assertEquals(zone, new Target(4.0, false).zone(x));
    }

    @Test
    void targetMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Target.lowerIsBetter(0));
        assertThrows(IllegalArgumentException.class, () -> Target.lowerIsBetter(Double.NaN));
    }

    @Test
    void seriesGivesOneWindowPerStepAndKeepsEmptyWindows() {
        List<Sample> samples = new ArrayList<>();
        // window 0 [0,5m): 3 good; window 1 [5m,10m): nothing; window 2 [10m,12m): one bad, one tolerating
        samples.add(at(0, 10));
        samples.add(at(60, 20));
        samples.add(at(299, 30));
        samples.add(at(600, 900));
        samples.add(at(660, 150));
        samples.add(at(720, 10)); // == to: outside [from, to)
        samples.add(at(-1, 10));  // before from: outside
        List<ApdexWindow> trend = Apdex.series(samples, Target.lowerIsBetter(100), T0, T0.plusSeconds(720),
                Duration.ofMinutes(5));
        assertEquals(3, trend.size());
        assertEquals(new ApdexWindow(T0, T0.plusSeconds(300), new ApdexResult(3, 0, 0)), trend.get(0));
        assertTrue(trend.get(1).result().score().isEmpty());
        assertEquals(new ApdexWindow(T0.plusSeconds(600), T0.plusSeconds(720), new ApdexResult(0, 1, 1)),
                trend.get(2));
        assertEquals(0.25, trend.get(2).result().score().orElseThrow(), 1e-12);
    }

    @Test
    void rangeScoreSumsCountsNotScores() {
        ApdexResult a = new ApdexResult(9, 0, 0);
        ApdexResult b = new ApdexResult(0, 0, 1);
        // mean of scores would be 0.5; pooled counts give 9/10
        assertEquals(0.9, a.plus(b).score().orElseThrow(), 1e-12);
    }

    private static Sample at(long seconds, double v) {
        return new Sample(RTT, T0.plusSeconds(seconds), v);
    }
}
