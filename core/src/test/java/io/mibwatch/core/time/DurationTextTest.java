package io.mibwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"500ms, 500, 500ms", "5s, 5000, 5s", "1m, 60000, 1m", "1h, 3600000, 1h", "90, 90000, 90s",
            "120s, 120000, 2m", "0s, 0, 0s", "1500ms, 1500, 1500ms", "' 5 s ', 5000, 5s"})
    void parsesAndFormats(String text, long millis, String canonical) {
        Duration d = DurationText.parse(text);
        assertEquals(Duration.ofMillis(millis), d);
        assertEquals(canonical, DurationText.format(d));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "-5s", "1.5s", "5 minutes", "5d", "1m30s", "9999999999s"})
    void rejects(String text) {
        assertNull(DurationText.parse(text));
    }
}
