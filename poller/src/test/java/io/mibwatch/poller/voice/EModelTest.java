package io.mibwatch.poller.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EModelTest {

    /** G.107 (06/2015) clause 7: with all Table 3 defaults, R = 93.2. */
    @Test
    void defaultParametersGiveTheRecommendationsR() {
        Rating r = EModel.rate(EModelParameters.defaults());
        assertEquals(93.2, r.r(), 0.01);
        // the terms as tabulated in the E-model literature: Ro 94.77, Is 1.41, Id 0.15, Ie,eff 0
        assertEquals(94.77, r.ro(), 0.01);
        assertEquals(1.41, r.is(), 0.01);
        assertEquals(0.15, r.id(), 0.01);
        assertEquals(0.0, r.ieEff(), 1e-12);
        assertEquals(4.41, r.mos(), 0.01);
    }

    /** G.107 Annex B / G.109 Table 1: lower R limits of the user satisfaction categories and their MOS. */
    static Stream<Arguments> categoryLimits() {
        return Stream.of(
                Arguments.of(90, 4.34), // very satisfied
                Arguments.of(80, 4.03), // satisfied
                Arguments.of(70, 3.60), // some users dissatisfied
                Arguments.of(60, 3.10), // many users dissatisfied
                Arguments.of(50, 2.58)); // nearly all users dissatisfied
    }

    @ParameterizedTest
    @MethodSource("categoryLimits")
    void mosAtTheCategoryLimits(double r, double mos) {
        assertEquals(mos, EModel.mos(r), 0.01);
    }

    @Test
    void mosOutsideZeroToHundredIsClamped() {
        assertEquals(1.0, EModel.mos(-5));
        assertEquals(4.5, EModel.mos(100.5));
        assertEquals(1.0, EModel.mos(0));
        // the raw cubic would be 0.99 here: clamped so MOS never falls as R rises
        assertEquals(1.0, EModel.mos(3.2));
    }

    /** Property: MOS(R) is non-decreasing over 0..100 and strictly increasing once the cubic exceeds 1. */
    @Test
    void mosIsMonotonicInR() {
        double prev = EModel.mos(0);
        for (int i = 1; i <= 100_000; i++) {
            double r = i / 1000.0;
            double m = EModel.mos(r);
            assertTrue(m >= prev, "MOS fell between R=" + (r - 0.001) + " and R=" + r);
            if (r > 6.6) {
                assertTrue(m > prev, "MOS not increasing at R=" + r);
            }
            assertTrue(m >= 1 && m <= 4.5, "MOS out of 1..4.5 at R=" + r);
            prev = m;
        }
    }

    /** Ie,eff = Ie + (95 - Ie) Ppl / (Ppl/BurstR + Bpl), values worked by hand. */
    static Stream<Arguments> ieEffPoints() {
        return Stream.of(
                Arguments.of(Codec.G711, 0.0, 0.0),
                Arguments.of(Codec.G711, 1.0, 95.0 / 5.3), // 17.92
                Arguments.of(Codec.G711_PLC, 1.0, 95.0 / 26.1), // 3.64
                Arguments.of(Codec.G729A, 0.0, 11.0),
                Arguments.of(Codec.G729A, 1.0, 11 + 84.0 / 20), // 15.2
                Arguments.of(Codec.G729A, 5.0, 11 + 84.0 * 5 / 24), // 28.5
                Arguments.of(Codec.G723_1, 2.0, 15 + 80.0 * 2 / 18.1));
    }

    @ParameterizedTest
    @MethodSource("ieEffPoints")
    void effectiveEquipmentImpairment(Codec codec, double ppl, double expected) {
        assertEquals(expected, EModel.ieEff(codec.ie(), ppl, 1, codec.bpl()), 1e-9);
    }

    @Test
    void burstyLossHurtsMoreThanRandomLoss() {
        double random = EModel.ieEff(0, 2, 1, 4.3);
        double bursty = EModel.ieEff(0, 2, 2, 4.3);
        assertTrue(bursty > random, bursty + " <= " + random);
        // total loss tends to Ie,eff = 95 for random loss only as Bpl -> 0; with BurstR it is bounded by 95
        assertTrue(EModel.ieEff(0, 100, 1, 4.3) < 95);
    }

    /** G.113 Appendix I values. */
    static Stream<Arguments> codecTable() {
        return Stream.of(
                Arguments.of(Codec.G711, 0.0, 4.3),
                Arguments.of(Codec.G711_PLC, 0.0, 25.1),
                Arguments.of(Codec.G729A, 11.0, 19.0),
                Arguments.of(Codec.G723_1, 15.0, 16.1));
    }

    @ParameterizedTest
    @MethodSource("codecTable")
    void codecValues(Codec codec, double ie, double bpl) {
        assertEquals(ie, codec.ie());
        assertEquals(bpl, codec.bpl());
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void noLossMeansIeEffIsTheCodecsIe(Codec codec) {
        assertEquals(codec.ie(), EModel.ieEff(codec.ie(), 0, 1, codec.bpl()), 1e-12);
        assertEquals(codec, Codec.byName(codec.cliName().toUpperCase()));
    }

    /** Idd: zero up to 100 ms; X = 1 at 200 ms gives 25 (2^(1/6) - 3 (1 + 3^-6)^(1/6) + 2). */
    static Stream<Arguments> iddPoints() {
        double at200 = 25 * (Math.pow(2, 1.0 / 6) - 3 * Math.pow(1 + Math.pow(3, -6), 1.0 / 6) + 2);
        double at400 = 25 * (Math.pow(65, 1.0 / 6) - 3 * Math.pow(1 + Math.pow(2.0 / 3, 6), 1.0 / 6) + 2);
        return Stream.of(
                Arguments.of(0.0, 0.0),
                Arguments.of(100.0, 0.0),
                Arguments.of(200.0, at200),
                Arguments.of(400.0, at400));
    }

    @ParameterizedTest
    @MethodSource("iddPoints")
    void delayImpairment(double ta, double expected) {
        assertEquals(expected, EModel.idd(ta), 1e-9);
    }

    @Test
    void delayImpairmentGrowsWithDelay() {
        double prev = 0;
        for (int ta = 101; ta <= 1000; ta++) {
            double idd = EModel.idd(ta);
            assertTrue(idd > prev, "Idd not increasing at Ta=" + ta);
            prev = idd;
        }
        // the relation that separates R from ICPIF: R = Ro - Is - Idte - Idle - ICPIF
        Rating r = EModel.rate(EModelParameters.forNetwork(250, Codec.G729A, 2));
        assertEquals(r.ro() - r.is() - r.idte() - r.idle() - r.icpif(), r.r(), 1e-9);
    }

    @Test
    void badParametersNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EModelParameters.forNetwork(10, Codec.G711, 101));
        assertTrue(e.getMessage().contains("Ppl") && e.getMessage().contains("101"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EModelParameters.forNetwork(-1, Codec.G711, 0));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Codec.byName("opus"));
        assertTrue(e.getMessage().contains("opus") && e.getMessage().contains("g729a"), e.getMessage());
    }
}
