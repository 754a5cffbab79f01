package io.mibwatch.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeNextTest {
    @ParameterizedTest(name = "next={0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {
            "NULL, /",
            "'', /",
            "/devices, /devices",
            "/devices/core1?series=if/1/in, /devices/core1?series=if/1/in",
            "//evil.example/, /",
            "https://evil.example/, /",
            "javascript:alert(1), /",
            "/\\evil.example, /",
            "/login?next=/x, /",
            "devices, /",
    })
    void onlyLocalPathsAreFollowed(String next, String expected) {
        assertEquals(expected, AuthFeature.safeNext(next));
    }
}
