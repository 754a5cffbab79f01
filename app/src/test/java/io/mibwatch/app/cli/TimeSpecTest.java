package io.mibwatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeSpecTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @ParameterizedTest
    @CsvSource({
            "now,                   2026-11-21T12:00:00Z",
            "NOW,                   2026-11-21T12:00:00Z",
            "-90s,                  2026-11-21T11:58:30Z",
            "-30m,                  2026-11-21T11:30:00Z",
            "-1h,                   2026-11-21T11:00:00Z",
            "-2d,                   2026-11-19T12:00:00Z",
            "-1w,                   2026-11-14T12:00:00Z",
            "-1h30m,                2026-11-21T10:30:00Z",
            "-500ms,                2026-11-21T11:59:59.500Z",
            "1763726400,            2025-11-21T12:00:00Z",
            "2026-11-20T08:00:00Z,  2026-11-20T08:00:00Z",
            "2026-11-20T09:00:00,   2026-11-20T08:00:00Z"
    })
    void parses(String text, String expected) {
        assertEquals(Instant.parse(expected), TimeSpec.parse(text, NOW, ZONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "-1y", "1h", "2026-13-01T00:00:00Z", "", "-30m1h", "-1H"})
    void rejectsNamingTheValue(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeSpec.parse(text, NOW, ZONE));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }
}
