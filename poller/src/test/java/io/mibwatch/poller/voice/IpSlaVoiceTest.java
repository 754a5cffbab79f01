package io.mibwatch.poller.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.catalog.metric.Conversion.VoiceScore;
import io.mibwatch.catalog.metric.Conversion.VoiceScore.Score;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IpSlaVoiceTest {

    private static VoiceScore f(Score s) {
        return new VoiceScore(s, "rttSum", "rttCount", "jitter", "lossSD", "lossDS", "codec");
    }

    /** [rttSum, rttCount, jitter, lossSD, lossDS, codec] -> the calculator's inputs. */
    static Stream<Arguments> polls() {
        return Stream.of(
                // 1000 RTTs summing 60 s: 60 ms RTT, 30 ms one way; 10 lost of 1010 sent; G.711
                Arguments.of(List.of(60000.0, 1000.0, 4.0, 6.0, 4.0, 1.0), 30.0, 4.0, 100 * 10 / 1010.0, Codec.G711),
                // g729a(3), no loss
                Arguments.of(List.of(200000.0, 1000.0, 12.0, 0.0, 0.0, 3.0), 100.0, 12.0, 0.0, Codec.G729A),
                // notApplicable(0): G.711
                Arguments.of(List.of(10000.0, 500.0, 1.0, 0.0, 5.0, 0.0), 10.0, 1.0, 100 * 5 / 505.0, Codec.G711));
    }

    @ParameterizedTest
    @MethodSource("polls")
    void scoresAreTheCalculatorsForTheDerivedInputs(List<Double> in, double delay, double jitter, double loss,
            Codec codec) {
        VoiceQuality q = VoiceQuality.assess(delay, jitter, loss, codec, DelayModel.DEFAULT);
        assertEquals(q.r(), IpSlaVoice.score(f(Score.R), in).orElseThrow(), 1e-9);
        assertEquals(q.mos(), IpSlaVoice.score(f(Score.MOS), in).orElseThrow(), 1e-9);
        assertEquals(q.icpif(), IpSlaVoice.score(f(Score.ICPIF), in).orElseThrow(), 1e-9);
    }

    static Stream<Arguments> noValue() {
        return Stream.of(
                Arguments.of(Arrays.asList(60000.0, 1000.0, 4.0, null, 4.0, 1.0)), // an input not answered
                Arguments.of(List.of(0.0, 0.0, 0.0, 10.0, 0.0, 1.0)), // no RTT measured: nothing to rate
                Arguments.of(List.of(100.0, 10.0, -1.0, 0.0, 0.0, 1.0)), // nonsense from the agent
                Arguments.of(List.of(100.0, 10.0, 1.0, 0.0, 0.0))); // wrong arity
    }

    @ParameterizedTest
    @MethodSource("noValue")
    void missingOrUnusableInputsGiveNoValueNotZero(List<Double> in) {
        assertTrue(IpSlaVoice.score(f(Score.MOS), in).isEmpty());
    }
}
