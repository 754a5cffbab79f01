package io.mibwatch.thresholds.redbutton;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RankTestTest {

    /**
     * a, b, U_a, two-sided p, Cliff's delta. p values worked by hand from the normal approximation
     * with tie correction and continuity 0.5 (the same as scipy.stats.mannwhitneyu(a, b,
     * method="asymptotic", use_continuity=True)).
     */
    static Stream<Arguments> cases() {
        return Stream.of(
                // U=0, mean 4.5, var 9/12*7 = 5.25, z = -(4.5-0.5)/sqrt(5.25) = -1.74574, p = 0.080856
                Arguments.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.0, 0.080856, -1.0),
                // mirrored
                Arguments.of(new double[] {4, 5, 6}, new double[] {1, 2, 3}, 9.0, 0.080856, 1.0),
                // ties: ranks 1.5 1.5 3 | 4 5.5 5.5 ... a={1,1,2}, b={3,4,4}: U=0, tie term (8-2)*2 = 12,
                // var = 9/12 * (7 - 12/30) = 4.95, z = -4/sqrt(4.95) = -1.79787, p = 0.072198
                Arguments.of(new double[] {1, 1, 2}, new double[] {3, 4, 4}, 0.0, 0.072198, -1.0),
                // interleaved: a={1,3,5}, b={2,4,6}: ranks of a 1+3+5=9, U=3, delta = 6/9-1 = -1/3,
                // |3-4.5|-0.5 = 1, z = -1/sqrt(5.25) = -0.436436, p = 0.662521
                Arguments.of(new double[] {1, 3, 5}, new double[] {2, 4, 6}, 3.0, 0.662521, -1.0 / 3));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesHandWorkedValues(double[] a, double[] b, double u, double p, double delta) {
        RankTest t = RankTest.of(a, b);
        assertEquals(u, t.u(), 1e-12);
        assertEquals(p, t.p(), 1e-5);
        assertEquals(delta, t.delta(), 1e-12);
    }

    @Test
    void allEqualOrEmptySeparatesNothing() {
        assertEquals(1.0, RankTest.of(new double[] {2, 2}, new double[] {2, 2, 2}).p());
        assertEquals(0.0, RankTest.of(new double[] {2, 2}, new double[] {2, 2, 2}).delta());
        assertEquals(1.0, RankTest.of(new double[] {}, new double[] {1}).p());
    }

    @Test
    void erfcReferencePoints() {
        assertEquals(1.0, RankTest.erfc(0), 1e-7);
        assertEquals(0.157299207, RankTest.erfc(1), 1e-7);   // Abramowitz and Stegun table 7.1
        assertEquals(1.842700793, RankTest.erfc(-1), 1e-7);
        assertEquals(0.004677735, RankTest.erfc(2), 1e-7);
    }
}
