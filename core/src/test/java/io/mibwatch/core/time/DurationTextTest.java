package io.mibwatch.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"500ms, 500, 500ms", "5s, 5000, 5s", "1m, 60000, 1m", "1h, 3600000, 1h",
            "120s, 120000, 2m", "0s, 0, 0s", "1500ms, 1500, 1500ms", "' 5 s ', 5000, 5s",
            "90s, 90000, 90s", "1h30m, 5400000, 90m", "2d12h, 216000000, 60h", "1w, 604800000, 1w",
            "1d, 86400000, 1d", "24h, 86400000, 1d", "1m30s, 90000, 90s", "'1h 30m', 5400000, 90m",
            "1w2d3h4m5s6ms, 788645006, 788645006ms", "1d1s, 86401000, 1d1s", "25h, 90000000, 25h",
            "999999999w, 604799999395200000, 999999999w", "007m, 420000, 7m"})
    void parsesAndFormats(String text, long millis, String shortest) {
        Duration d = DurationText.parse(text).orElseThrow();
        assertEquals(Duration.ofMillis(millis), d);
        assertEquals(shortest, DurationText.format(d));
        assertEquals(Optional.of(d), DurationText.parse(DurationText.format(d)), "format reads back");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "s", "-5s", "+5s", "1.5s", "5 minutes", "5x", "5y", "1H", "5MS", "1W",
            "30m1h", "1s1h", "1h1h", "500ms1s", "1h30", "h1", "1 h 30", "9999999999s", "1_000s", "PT5M", "90"})
    void rejects(String text) {
        assertEquals(Optional.empty(), DurationText.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"90, 90000", "' 90 ', 90000", "0, 0", "1h30m, 5400000", "500ms, 500"})
    void bareNumbersAreSecondsWhereAllowed(String text, long millis) {
        assertEquals(Optional.of(Duration.ofMillis(millis)), DurationText.parseOrSeconds(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-90", "9999999999", "1.5", "90 x", ""})
    void bareNumbersStillRefuseTheRest(String text) {
        assertEquals(Optional.empty(), DurationText.parseOrSeconds(text));
    }

    @Test
    void nullIsNotADuration() {
        assertEquals(Optional.empty(), DurationText.parse(null));
        assertEquals(Optional.empty(), DurationText.parseOrSeconds(null));
    }

    @ParameterizedTest
    @CsvSource({"-90000, -90s", "1, 1ms"})
    void formatsAnyWholeMillisecondDuration(long millis, String text) {
        assertEquals(text, DurationText.format(Duration.ofMillis(millis)));
    }
}
