package io.mibwatch.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RrdLayoutTest {

    /** poll interval, heartbeat, then per archive: resolution (s), rows, steps per row. */
    static Stream<Arguments> stockLayouts() {
        return Stream.of(
                // stock layout: 1 min x 2 d, 5 min x 2 w, 1 h x 93 d, 1 d x 1098 d
                Arguments.of(60, 150, List.of(
                        new long[] {60, 2880, 1},
                        new long[] {300, 4032, 5},
                        new long[] {3600, 2232, 60},
                        new long[] {86400, 1098, 1440})),
                // 300 s: the 1-minute archive becomes 5-minute and merges into the 2-week one
                Arguments.of(300, 750, List.of(
                        new long[] {300, 4032, 1},
                        new long[] {3600, 2232, 12},
                        new long[] {86400, 1098, 288})),
                // 10 s: every poll kept for 6 hours, then the stock archives
                Arguments.of(10, 25, List.of(
                        new long[] {10, 2160, 1},
                        new long[] {60, 2880, 6},
                        new long[] {300, 4032, 30},
                        new long[] {3600, 2232, 360},
                        new long[] {86400, 1098, 8640})),
                // 90 s: resolutions rounded up to multiples of the step, spans kept (rows rounded up)
                Arguments.of(90, 225, List.of(
                        new long[] {90, 1920, 1},
                        new long[] {360, 3360, 4},
                        new long[] {3600, 2232, 40},
                        new long[] {86400, 1098, 960})));
    }

    @ParameterizedTest(name = "poll {0} s")
    @MethodSource("stockLayouts")
    void stockLayoutRows(long poll, long heartbeat, List<long[]> expected) {
        RrdLayout layout = RrdLayout.stock(Duration.ofSeconds(poll));

        assertEquals(Duration.ofSeconds(poll), layout.step());
        assertEquals(Duration.ofSeconds(heartbeat), layout.heartbeat());
        assertEquals(expected.size(), layout.archives().size(), "archives " + layout.archives());
        for (int i = 0; i < expected.size(); i++) {
            RrdLayout.Archive a = layout.archives().get(i);
            assertEquals(expected.get(i)[0], a.resolution().getSeconds(), "resolution of archive " + i);
            assertEquals(expected.get(i)[1], a.rows(), "rows of archive " + i);
            assertEquals(expected.get(i)[2], layout.stepsPerRow(a), "steps per row of archive " + i);
        }
    }

    @Test
    void heartbeatToleratesOneLostPollButNotTwo() {
        RrdLayout layout = RrdLayout.stock(Duration.ofSeconds(60));
        assertTrue(layout.heartbeat().compareTo(Duration.ofSeconds(120)) > 0);
        assertTrue(layout.heartbeat().compareTo(Duration.ofSeconds(180)) < 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-60S", "PT1.5S", "PT24H1S"})
    void stockRefusesOddPollIntervals(String interval) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RrdLayout.stock(Duration.parse(interval)));
        assertTrue(e.getMessage().contains(Duration.parse(interval).toString()), e.getMessage());
    }

    @Test
    void resolutionMustBeMultipleOfStep() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RrdLayout(
                Duration.ofSeconds(60), Duration.ofSeconds(150),
                List.of(new RrdLayout.Archive(Duration.ofSeconds(90), Duration.ofDays(1)))));
        assertTrue(e.getMessage().contains("PT1M30S"), e.getMessage());
    }

    @Test
    void heartbeatBelowStepRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RrdLayout(
                Duration.ofSeconds(60), Duration.ofSeconds(59),
                List.of(new RrdLayout.Archive(Duration.ofSeconds(60), Duration.ofDays(1)))));
    }

    @Test
    void emptyArchivesRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RrdLayout(Duration.ofSeconds(60), Duration.ofSeconds(150), List.of()));
    }
}
