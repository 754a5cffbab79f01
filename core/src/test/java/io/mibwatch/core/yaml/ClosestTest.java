package io.mibwatch.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClosestTest {

    static final List<String> KEYS = List.of("a", "u", "interval", "timeout", "retries", "max_repetitions", "auth_pass", "auth");

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"intervall, interval", "timeuot, timeout", "retires, retries",
            "max_repetition, max_repetitions", "authpass, auth_pass", "Interval, interval", "colour, -",
            "interval, -", "xyz, -", "c, -", "xy, -", "intrvl, interval", "max_reptitoins, max_repetitions"})
    void suggestsOnlyPlausibleTypos(String typo, String expected) {
        assertEquals(expected, Closest.to(typo, KEYS));
    }
}
