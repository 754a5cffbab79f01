package io.mibwatch.poller.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VoiceQualityTest {

    @Test
    void delayModelAddsBufferAndCodecDelay() {
        // 40 ms + 2 x 10 ms buffer + 25 ms G.729A (two 10 ms frames + 5 ms look-ahead)
        assertEquals(85.0, DelayModel.DEFAULT.effectiveDelayMs(40, 10, Codec.G729A), 1e-12);
        assertEquals(60.0, DelayModel.DEFAULT.effectiveDelayMs(40, 0, Codec.G711), 1e-12);
        assertTrue(DelayModel.DEFAULT.describe().contains("2 x jitter"), DelayModel.DEFAULT.describe());
    }

    @Test
    void cleanG711PathUnderTheDelayKneeKeepsTheDefaultRating() {
        // Ta = 20 + 2*2 + 20 = 44 ms: Idd = 0, only a small talker-echo term at TELR 65
        VoiceQuality q = VoiceQuality.assess(20, 2, 0, Codec.G711, DelayModel.DEFAULT);
        assertEquals(44.0, q.effectiveDelayMs(), 1e-12);
        assertEquals(0.0, q.rating().idd(), 1e-12);
        assertEquals(0.0, q.icpif(), 1e-12);
        assertTrue(q.r() > 90 && q.r() <= 93.21, "R " + q.r());
    }

    static Stream<Arguments> worseInputs() {
        return Stream.of(
                Arguments.of(50.0, 5.0, 0.0, 150.0, 5.0, 0.0),
                Arguments.of(50.0, 5.0, 0.0, 50.0, 40.0, 0.0),
                Arguments.of(50.0, 5.0, 0.5, 50.0, 5.0, 3.0));
    }

    /** More delay, more jitter or more loss never improves R, MOS or ICPIF. */
    @ParameterizedTest
    @MethodSource("worseInputs")
    void worseNetworkGivesWorseScores(double d1, double j1, double l1, double d2, double j2, double l2) {
        VoiceQuality good = VoiceQuality.assess(d1, j1, l1, Codec.G729A, DelayModel.DEFAULT);
        VoiceQuality bad = VoiceQuality.assess(d2, j2, l2, Codec.G729A, DelayModel.DEFAULT);
        assertTrue(bad.r() < good.r(), bad.r() + " !< " + good.r());
        assertTrue(bad.mos() < good.mos());
        assertTrue(bad.icpif() > good.icpif());
    }

    @Test
    void g729aLosslessIcpifIsItsIe() {
        // Ta = 10 + 0 + 25 < 100 ms: ICPIF = Idd + Ie,eff - A = 0 + 11
        assertEquals(11.0, VoiceQuality.assess(10, 0, 0, Codec.G729A, DelayModel.DEFAULT).icpif(), 1e-12);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(-1.0, 0.0, 0.0, "delay"),
                Arguments.of(0.0, -3.0, 0.0, "jitter"),
                Arguments.of(0.0, 0.0, 100.5, "loss"),
                Arguments.of(Double.NaN, 0.0, 0.0, "delay"),
                Arguments.of(0.0, Double.POSITIVE_INFINITY, 0.0, "jitter"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsRejectedByName(double d, double j, double l, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VoiceQuality.assess(d, j, l, Codec.G711, DelayModel.DEFAULT));
        assertTrue(e.getMessage().startsWith(name + " "), e.getMessage());
    }
}
