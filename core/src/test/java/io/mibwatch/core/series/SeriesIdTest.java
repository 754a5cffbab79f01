package io.mibwatch.core.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeriesIdTest {

    /** The documented rule, as a regex: the hand-written check must agree with it everywhere. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]+");

    @Test
    void aCharacterIsAllowedExactlyWhenTheRegexAllowsIt() {
        // every character up to U+02FF (ASCII, Latin-1, Latin Extended) plus a few far ones
        String mismatches = IntStream.concat(IntStream.rangeClosed(0, 0x2FF), IntStream.of(0x391, 0x4E2D, 0xFF10, 0xFFFF))
                .filter(c -> NAME.matcher("a" + (char) c + "b").matches() != accepted("a" + (char) c + "b"))
                .mapToObj(c -> "U+" + Integer.toHexString(c))
                .collect(Collectors.joining(", "));
        assertEquals("", mismatches);
    }

    private static boolean accepted(String name) {
        try {
            new SeriesId(name, name, name, name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void theInstanceMayBeEmptyTheOtherPartsMayNot() {
        assertEquals("system//uptime", new SeriesId("core1", "system", "", "uptime").path());
        assertEquals("device '' must match [A-Za-z0-9_.:-]+",
                assertThrows(IllegalArgumentException.class, () -> new SeriesId("", "system", "", "uptime")).getMessage());
        assertEquals("group '' must match [A-Za-z0-9_.:-]+",
                assertThrows(IllegalArgumentException.class, () -> new SeriesId("core1", "", "", "uptime")).getMessage());
        assertEquals("metric '' must match [A-Za-z0-9_.:-]+",
                assertThrows(IllegalArgumentException.class, () -> new SeriesId("core1", "system", "", "")).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Gi0/1", "eth 0", "ä", "a/b", "x@y"})
    void aBadInstanceIsNamedWithItsValueAndRule(String instance) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeriesId("core1", "interfaces", instance, "inOctets"));
        assertEquals("instance '" + instance + "' must match [A-Za-z0-9_.:-]*", e.getMessage());
    }

    @Test
    void parseAndPathRoundTrip() {
        SeriesId id = SeriesId.parse("core1", "interfaces/3/inOctets");
        assertEquals(new SeriesId("core1", "interfaces", "3", "inOctets"), id);
        assertEquals("interfaces/3/inOctets", id.path());
        assertEquals("core1:interfaces/3/inOctets", id.toString());
    }
}
