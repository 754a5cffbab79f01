package io.mibwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mibwatch.core.time.DurationText;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The rrd: section (write-behind of RRD updates): the default, accepted values, and every error with its key path. */
class RrdConfigTest {

    static MibwatchConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "test.yaml", null, Map.<String, String>of()::get);
    }

    @Test
    void absentSectionWritesEveryPollAtOnce() throws Exception {
        assertEquals(RrdConfig.DEFAULT, parse("devices: []").rrd());
        assertEquals(Duration.ZERO, RrdConfig.DEFAULT.writeBehind());
        assertEquals(RrdConfig.DEFAULT, parse("rrd: {}").rrd(), "an empty section: the default");
        assertEquals(RrdConfig.DEFAULT, parse("rrd:\n  write_behind:\n").rrd(), "a key without a value is not set");
    }

    @Test
    void convenienceConstructorsGiveTheDefault() {
        MibwatchConfig c = new MibwatchConfig(null, Defaults.STOCK, Map.of(), List.of(), null, null, null, null);
        assertEquals(RrdConfig.DEFAULT, c.rrd());
        assertEquals(RrdConfig.DEFAULT,
                new MibwatchConfig(null, Defaults.STOCK, Map.of(), List.of(), null, null, null, null, null).rrd());
    }

    @ParameterizedTest(name = "write_behind: {0} -> {1} ms")
    @CsvSource({
            "0s, 0",
            "0, 0",
            "60s, 60000",
            "60, 60000",
            "5m, 300000",
            "1500ms, 1500",
            "1h, 3600000",
            "3600s, 3600000",
            "60m, 3600000",
    })
    void accepted(String value, long millis) throws Exception {
        assertEquals(new RrdConfig(Duration.ofMillis(millis)), parse("rrd:\n  write_behind: " + value + "\n").rrd());
    }

    static Stream<Arguments> bad() {
        String notADuration = "not a duration (" + DurationText.EXAMPLES_OR_SECONDS + "; 0s writes every poll at once)";
        String negative = "must not be negative: 0s writes every poll at once, up to 1h holds rows in memory";
        String tooLong = "at most 1h: longer would hold too much data in memory, all of it lost on a crash or kill -9";
        return Stream.of(
                Arguments.of("rrd: {write_behind: -1s}", List.of("rrd.write_behind: -1s: " + negative)),
                Arguments.of("rrd: {write_behind: -1}", List.of("rrd.write_behind: -1: " + negative)),
                Arguments.of("rrd: {write_behind: 2h}", List.of("rrd.write_behind: 2h: " + tooLong)),
                Arguments.of("rrd: {write_behind: 3601s}", List.of("rrd.write_behind: 3601s: " + tooLong)),
                Arguments.of("rrd: {write_behind: 7200}", List.of("rrd.write_behind: 7200: " + tooLong)),
                Arguments.of("rrd: {write_behind: soon}", List.of("rrd.write_behind: soon: " + notADuration)),
                Arguments.of("rrd: {write_behind: 1.5m}", List.of("rrd.write_behind: 1.5m: " + notADuration)),
                Arguments.of("rrd: {write_behind: 5d}", List.of("rrd.write_behind: 5d: " + tooLong)),
                Arguments.of("rrd: {write_behind: 5y}", List.of("rrd.write_behind: 5y: " + notADuration)),
                Arguments.of("rrd: {write_behind: true}", List.of("rrd.write_behind: true: " + notADuration)),
                Arguments.of("rrd: {write_behind: [5m]}", List.of("rrd.write_behind: [5m]: " + notADuration)),
                Arguments.of("rrd: [write_behind]",
                        List.of("rrd: [write_behind]: expected a mapping (write_behind)")),
                Arguments.of("rrd: 5m",
                        List.of("rrd: 5m: expected a mapping (write_behind)")),
                Arguments.of("rrd: {write_behnid: 5m}",
                        List.of("rrd.write_behnid: unknown key (did you mean 'write_behind'?); known keys here: write_behind")),
                Arguments.of("rrd: {cache: 5m, write_behind: soon}",
                        List.of("rrd.cache: unknown key; known keys here: write_behind",
                                "rrd.write_behind: soon: " + notADuration)),
                Arguments.of("rdd: {write_behind: 5m}",
                        List.of("rdd: unknown key (did you mean 'rrd'?); known keys here: credentials, data_dir, defaults, "
                                + "devices, http, notifications, rrd, services, thresholds")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void errorsNameKeyAndValue(String yaml, List<String> expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        assertEquals(expected, e.errors().stream().map(ConfigError::toString).toList());
    }

    @Test
    void theTopLevelMessageListsRrd() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("[rrd]"));
        assertEquals(List.of("expected a mapping (the top level has data_dir, defaults, credentials, devices, thresholds, "
                + "notifications, services, http, rrd)"), e.errors().stream().map(ConfigError::toString).toList());
    }

    @Test
    void recordRefusesNegative() {
        assertThrows(IllegalArgumentException.class, () -> new RrdConfig(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> new RrdConfig(null));
    }
}
