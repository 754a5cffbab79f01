package io.mibwatch.web.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.SeriesData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DownsampleTest {
    private static final double N = Double.NaN;
    private static final Duration STEP = Duration.ofSeconds(10);

    static Stream<Arguments> cases() {
        double[] in = {1, 5, N, 3, N, N, 2, 8, 4};
        return Stream.of(
                // 9 rows into at most 3: buckets of 3 -> [1,5,NaN] [3,NaN,NaN] [2,8,4]
                Arguments.of(in, Consolidation.AVERAGE, 3, new double[] {3, 3, 14 / 3.0}, 30),
                Arguments.of(in, Consolidation.MIN, 3, new double[] {1, 3, 2}, 30),
                Arguments.of(in, Consolidation.MAX, 3, new double[] {5, 3, 8}, 30),
                // at most 4: buckets of 3 too (ceil(9/4) = 3)
                Arguments.of(in, Consolidation.MAX, 4, new double[] {5, 3, 8}, 30),
                // at most 2: buckets of 5 -> [1,5,NaN,3,NaN] [NaN,2,8,4]
                Arguments.of(in, Consolidation.AVERAGE, 2, new double[] {3, 14 / 3.0}, 50),
                // an all-unknown bucket stays unknown, never 0
                Arguments.of(new double[] {N, N, 7, 9}, Consolidation.AVERAGE, 2, new double[] {N, 8}, 20),
                Arguments.of(new double[] {N, N, 7, 9}, Consolidation.MIN, 2, new double[] {N, 7}, 20));
    }

    @ParameterizedTest(name = "{1} into at most {2}")
    @MethodSource("cases")
    void mergesRowsTheWayTheConsolidationFunctionDoes(double[] in, Consolidation cf, int max, double[] want, long step) {
        Downsample.Result r = Downsample.apply(points(in), STEP, cf, max);
        assertEquals(Duration.ofSeconds(step), r.step());
        assertEquals(want.length, r.points().size());
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], r.points().get(i).value(), 1e-12, "point " + i);
        }
    }

    @Test
    void aMergedRowIsStampedWithTheEndOfTheRowsItCovers() {
        Downsample.Result r = Downsample.apply(points(new double[] {1, 2, 3, 4, 5}), STEP, Consolidation.AVERAGE, 2);
        // buckets of 3: rows 0..2 end at t0+20 s, rows 3..4 at t0+40 s (RRD: a row's time is its end)
        assertEquals(List.of(Instant.ofEpochSecond(1_000_020), Instant.ofEpochSecond(1_000_040)),
                r.points().stream().map(SeriesData.Point::at).toList());
    }

    @Test
    void fewEnoughPointsComeBackUnchanged() {
        List<SeriesData.Point> p = points(new double[] {1, N, 3});
        Downsample.Result r = Downsample.apply(p, STEP, Consolidation.MAX, 3);
        assertSame(p.get(1), r.points().get(1));
        assertEquals(STEP, r.step());
    }

    private static List<SeriesData.Point> points(double[] values) {
        List<SeriesData.Point> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new SeriesData.Point(Instant.ofEpochSecond(1_000_000 + 10L * i), values[i]));
        }
        return out;
    }
}
