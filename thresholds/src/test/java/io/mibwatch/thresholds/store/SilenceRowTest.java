package io.mibwatch.thresholds.store;

import static io.mibwatch.thresholds.store.Rows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SilenceRowTest {

    private static final SilenceRow.Matcher CORE_FRA_CPU =
            new SilenceRow.Matcher("core*", "load?", Map.of("site", "fra*"));

    static Stream<Arguments> matches() {
        return Stream.of(
                Arguments.of("core1", "load5", Map.of("site", "fra1"), true),
                Arguments.of("core1", "load5", Map.of("site", "fra1", "rack", "r7"), true),
                Arguments.of("edge1", "load5", Map.of("site", "fra1"), false),
                Arguments.of("core1", "load15", Map.of("site", "fra1"), false),
                Arguments.of("core1", "load5", Map.of("site", "ams1"), false),
                Arguments.of("core1", "load5", Map.of(), false));   // missing label never matches
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @MethodSource("matches")
    void matchesDeviceMetricAndLabelGlobs(String device, String metric, Map<String, String> labels, boolean expected) {
        assertEquals(expected, CORE_FRA_CPU.matches(device, metric, labels));
    }

    @Test
    void isActiveFromStartInclusiveToEndExclusive() {
        SilenceRow s = new SilenceRow("s", SilenceRow.Matcher.device("*"), T0, T0.plusSeconds(60), "ann", "");
        assertEquals(false, s.activeAt(T0.minusMillis(1)));
        assertEquals(true, s.activeAt(T0));
        assertEquals(true, s.activeAt(T0.plusSeconds(59)));
        assertEquals(false, s.activeAt(T0.plusSeconds(60)));
    }

    @Test
    void refusesAnEmptyWindowNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SilenceRow("s-3", SilenceRow.Matcher.device("*"), T0, T0, "ann", ""));
        assertEquals("silence s-3: end " + T0 + " must be after start " + T0, e.getMessage());
    }
}
