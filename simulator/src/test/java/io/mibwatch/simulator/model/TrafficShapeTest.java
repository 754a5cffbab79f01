package io.mibwatch.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrafficShapeTest {

    static Stream<Arguments> levels() {
        // 2026-03-03 is a Tuesday, 2026-03-07 a Saturday
        return Stream.of(
                Arguments.of("2026-03-03T11:00:00Z", 1.00),
                Arguments.of("2026-03-03T03:00:00Z", 0.05),
                Arguments.of("2026-03-03T08:30:00Z", (0.45 + 0.85) / 2),   // halfway between the 08 and 09 knots
                Arguments.of("2026-03-03T12:15:00Z", 0.80 + (0.90 - 0.80) / 4),
                Arguments.of("2026-03-07T11:00:00Z", 1.00 * 0.35),          // weekend
                Arguments.of("2026-03-06T23:30:00Z", (0.10 + 0.08 * 0.35) / 2)); // Friday night into Saturday
    }

    @ParameterizedTest
    @MethodSource("levels")
    void levelAtKnownTimes(String at, double expected) {
        assertEquals(expected, TrafficShape.DEFAULT.utilisation(Instant.parse(at)), 1e-12);
    }

    @Test
    void offsetShiftsTheLocalDay() {
        TrafficShape paris = new TrafficShape(ZoneOffset.ofHours(1), TrafficShape.OFFICE_HOURS, 0.35);
        assertEquals(1.00, paris.utilisation(Instant.parse("2026-03-03T10:00:00Z")), 1e-12);
    }

    static Stream<Arguments> spans() {
        return Stream.of(
                Arguments.of("2026-03-03T10:59:30Z", "2026-03-03T11:00:30Z"),
                Arguments.of("2026-03-03T08:10:00Z", "2026-03-03T09:50:00Z"),
                Arguments.of("2026-03-06T22:00:00Z", "2026-03-09T02:00:00Z"),    // across the weekend and week boundary
                Arguments.of("2026-02-01T00:00:07Z", "2026-03-01T00:00:00Z"));   // four weeks
    }

    @ParameterizedTest
    @MethodSource("spans")
    void integralMatchesASumOfTheLevels(String from, String to) {
        Instant a = Instant.parse(from);
        Instant b = Instant.parse(to);
        // independent: trapezoid sum of the level every 10 s (exact for a piecewise-linear curve
        // whose breaks fall on the 10 s grid, which hour marks do)
        double sum = 0;
        long step = 10;
        long start = a.getEpochSecond();
        long end = b.getEpochSecond();
        for (long s = start; s < end; s += step) {
            long e = Math.min(s + step, end);
            sum += (e - s) * (TrafficShape.DEFAULT.utilisation(Instant.ofEpochSecond(s))
                    + TrafficShape.DEFAULT.utilisation(Instant.ofEpochSecond(e))) / 2;
        }
        assertEquals(sum, TrafficShape.DEFAULT.integral(a, b), Math.abs(sum) * 1e-9);
        assertEquals(-sum, TrafficShape.DEFAULT.integral(b, a), Math.abs(sum) * 1e-9);
    }

    @Test
    void aFlatShapeIntegratesToItsLevelTimesSeconds() {
        TrafficShape flat = new TrafficShape(ZoneOffset.UTC, Collections.nCopies(24, 0.5), 1.0);
        Instant a = Instant.parse("2026-03-03T10:00:00Z");
        assertEquals(0.5 * 86_400 * 30, flat.integral(a, a.plusSeconds(86_400 * 30)), 1e-6);
        assertEquals(0.5, flat.peak());
        assertEquals(0.5, flat.low());
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> new TrafficShape(ZoneOffset.UTC, List.of(1.0), 1));
        assertThrows(IllegalArgumentException.class,
                () -> new TrafficShape(ZoneOffset.UTC, Collections.nCopies(24, -1.0), 1));
        assertThrows(IllegalArgumentException.class,
                () -> new TrafficShape(ZoneOffset.UTC, Collections.nCopies(24, 1.0), Double.NaN));
    }
}
