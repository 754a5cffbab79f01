package io.mibwatch.web.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphRangeTest {

    @ParameterizedTest(name = "{0}: {1} s rows, {2} rows wanted, band slot {3}")
    @CsvSource({
            "1h, 60,    60,  20m",
            "1d, 300,   288, 20m",
            "1w, 1800,  336, 60m",
            "1m, 3600,  720, 60m",
            "1Y, 86400, 365, ''",
    })
    void eachRangeAsksForAFewHundredRowsAtMost(String label, long resolution, long rows, String slot) {
        GraphRange r = GraphRange.parse(label);
        assertEquals(Duration.ofSeconds(resolution), r.resolution());
        assertEquals(rows, r.span().toSeconds() / r.resolution().toSeconds());
        assertEquals(slot.isEmpty() ? Optional.empty() : Optional.of(slot), r.slot());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2h", "1 d", "day", "-1d"})
    void unknownRangesAreRefusedNamingTheValueAndTheChoices(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraphRange.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("1h, 1d, 1w, 1m, 1y"), e.getMessage());
    }
}
