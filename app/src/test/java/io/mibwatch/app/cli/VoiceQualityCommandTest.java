package io.mibwatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.poller.voice.Codec;
import io.mibwatch.poller.voice.DelayModel;
import io.mibwatch.poller.voice.VoiceQuality;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code mibwatch voice-quality}: output, JSON keys and usage errors, run in-process. */
class VoiceQualityCommandTest {

    @Test
    void jsonHasRMosIcpifAndTheDelayModel() throws Exception {
        CliRun r = CliRun.run("voice-quality", "--delay", "80", "--jitter", "10", "--loss", "1",
                "--codec", "g729a", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonText.MAPPER.readTree(r.out());
        VoiceQuality expected = VoiceQuality.assess(80, 10, 1, Codec.G729A, DelayModel.DEFAULT);
        assertEquals(expected.r(), j.get("r").asDouble(), 0.005);
        assertEquals(expected.mos(), j.get("mos").asDouble(), 0.005);
        assertEquals(expected.icpif(), j.get("icpif").asDouble(), 0.005);
        assertEquals("g729a", j.get("codec").asText());
        // Ta = 80 + 2 x 10 + 25
        assertEquals(125.0, j.at("/delayModel/effectiveDelayMs").asDouble(), 1e-9);
        assertEquals(2.0, j.at("/delayModel/bufferFactor").asDouble());
        assertEquals(25.0, j.at("/delayModel/codecDelayMs").asDouble());
        assertEquals(11.0, j.at("/delayModel/ie").asDouble());
        assertEquals(19.0, j.at("/delayModel/bpl").asDouble());
        // Ie,eff = 11 + 84 x 1/(1 + 19) = 15.2
        assertEquals(15.2, j.at("/terms/ieEff").asDouble(), 0.005);
    }

    @Test
    void textShowsScoresModelAndParameters() {
        CliRun r = CliRun.run("voice-quality", "--delay", "0", "--jitter", "0", "--loss", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("R      "), r.out());
        assertTrue(r.out().contains("MOS    "), r.out());
        assertTrue(r.out().contains("ICPIF  0.00"), r.out());
        assertTrue(r.out().contains("codec g711"), r.out());
        assertTrue(r.out().contains("delay model  Ta = one-way delay + 2 x jitter"), r.out());
        assertTrue(r.out().contains("codec delay 20 ms, Ta 20.00 ms; Ie 0, Bpl 4.3"), r.out());
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(new String[] {"--delay", "-5", "--jitter", "1", "--loss", "0"}, "--delay", "-5"),
                Arguments.of(new String[] {"--delay", "5", "--jitter", "-1", "--loss", "0"}, "--jitter", "-1"),
                Arguments.of(new String[] {"--delay", "5", "--jitter", "1", "--loss", "120"}, "--loss", "120"),
                Arguments.of(new String[] {"--delay", "5", "--jitter", "1", "--loss", "-0.5"}, "--loss", "-0.5"),
                Arguments.of(new String[] {"--delay", "abc", "--jitter", "1", "--loss", "0"}, "--delay", "abc"),
                Arguments.of(new String[] {"--delay", "5", "--jitter", "1", "--loss", "0", "--codec", "opus"},
                        "--codec", "opus"),
                Arguments.of(new String[] {"--jitter", "1", "--loss", "0"}, "--delay", "--delay"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badInputIsAUsageErrorNamingOptionAndValue(String[] args, String option, String value) {
        String[] all = new String[args.length + 1];
        all[0] = "voice-quality";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.run(all);
        assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(option) && r.err().contains(value), r.err());
        assertEquals("", r.out());
    }
}
