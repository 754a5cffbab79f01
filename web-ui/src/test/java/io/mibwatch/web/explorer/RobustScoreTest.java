package io.mibwatch.web.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RobustScoreTest {
    private static final double N = Double.NaN;

    /** values, index checked, expected score (worked by hand from the definitions), flagged. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // median 3, |dev| 2 1 0 1 97 -> MAD 1: 0.6745 * 97
                Arguments.of(new double[] {1, 2, 3, 4, 100}, 4, 0.6745 * 97, true),
                Arguments.of(new double[] {1, 2, 3, 4, 100}, 0, 0.6745 * -2, false),
                // a low outlier is out of line too
                Arguments.of(new double[] {50, 52, 49, 51, 50, 0}, 5, 0.6745 * (0 - 50) / 1, true),
                // more than half equal: MAD 0, mean |dev| 0.8 stands in: 4 / (1.2533 * 0.8)
                Arguments.of(new double[] {5, 5, 5, 5, 9}, 4, 4 / (1.2533 * 0.8), true),
                Arguments.of(new double[] {5, 5, 5, 5, 9}, 0, 0.0, false),
                // all equal: nobody stands out
                Arguments.of(new double[] {7, 7, 7}, 1, 0.0, false),
                // NaN is not part of the population: median of 1 2 3 is 2, MAD 1
                Arguments.of(new double[] {1, N, 2, 3}, 0, -0.6745, false),
                // just under / over the 3.5 cut-off: median 10, MAD 1
                Arguments.of(new double[] {9, 10, 11, 10, 9, 11, 10 + 3.5 / 0.6745 - 0.01}, 6, 3.5 - 0.6745 * 0.01, false),
                Arguments.of(new double[] {9, 10, 11, 10, 9, 11, 10 + 3.5 / 0.6745 + 0.01}, 6, 3.5 + 0.6745 * 0.01, true));
    }

    @ParameterizedTest(name = "[{index}] value #{1}")
    @MethodSource("cases")
    void modifiedZScoreOfIglewiczAndHoaglin(double[] values, int i, double score, boolean outlier) {
        RobustScore.Result r = RobustScore.of(values);
        assertEquals(score, r.scores()[i].getAsDouble(), 1e-9);
        assertEquals(outlier, r.outlier(i));
    }

    @Test
    void oneRunawayDoesNotHideItselfAsItWouldFromMeanAndSd() {
        // ten nodes near 20 % CPU and one at 95 %: with mean/SD its z would be only ~3.0
        double[] cpu = {19, 21, 20, 22, 18, 20, 21, 19, 20, 22, 95};
        RobustScore.Result r = RobustScore.of(cpu);
        assertEquals(20, r.median(), 1e-12);
        assertEquals(1, r.mad(), 1e-12);
        assertTrue(r.outlier(10));
        for (int i = 0; i < 10; i++) {
            assertFalse(r.outlier(i), "node " + i);
        }
    }

    @Test
    void twoValuesAreNoPopulationAndNaNGetsNoScore() {
        RobustScore.Result r = RobustScore.of(new double[] {1, 1000});
        assertTrue(r.scores()[0].isEmpty());
        assertTrue(r.scores()[1].isEmpty());
        assertTrue(RobustScore.of(new double[] {1, N, 2, 3}).scores()[1].isEmpty());
        assertTrue(Double.isNaN(RobustScore.of(new double[] {N}).median()));
    }
}
