package io.mibwatch.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.thresholds.redbutton.ActivePeriod;
import io.mibwatch.thresholds.redbutton.Complaint;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimulatedUsersTest {
    /** Monday 00:00 UTC. */
    static final Instant MONDAY = Instant.parse("2026-11-16T00:00:00Z");
    static final SimulatedUsers.Office OFFICE = new SimulatedUsers.Office(List.of("ann", "bob", "chen"),
            LocalTime.of(8, 0), LocalTime.of(18, 0), ZoneOffset.UTC);

    /** A 20-minute degradation every 3 hours over a week, starting at 01:07. */
    static List<SimulatedUsers.Window> degradations() {
        List<SimulatedUsers.Window> out = new ArrayList<>();
        for (Instant s = MONDAY.plus(Duration.ofMinutes(67)); s.isBefore(MONDAY.plus(Duration.ofDays(7))); s = s.plus(Duration.ofHours(3))) {
            out.add(new SimulatedUsers.Window(s, s.plus(Duration.ofMinutes(20))));
        }
        return out;
    }

    @Test
    void workingDaysAreActivePeriodsAndComplaintsFallInsideDegradationsAtWork() {
        List<SimulatedUsers.Window> bad = degradations();
        SimulatedUsers.Plan p = SimulatedUsers.plan("voice", OFFICE, bad, MONDAY, MONDAY.plus(Duration.ofDays(7)), 1);
        assertEquals(15, p.active().size(), "3 users x 5 weekdays");
        for (ActivePeriod a : p.active()) {
            DayOfWeek d = a.from().atZone(ZoneOffset.UTC).getDayOfWeek();
            assertTrue(d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY, a.toString());
            assertEquals(Duration.ofHours(10), Duration.between(a.from(), a.to()));
        }
        int during = 0;
        for (Complaint c : p.complaints()) {
            assertTrue(p.active().stream().anyMatch(a -> a.user().equals(c.user()) && a.contains(c.at())), "at work: " + c);
            if (bad.stream().anyMatch(w -> !c.at().isBefore(w.from()) && c.at().isBefore(w.to()))) {
                during++;
                SimulatedUsers.Window w = bad.stream().filter(x -> !c.at().isBefore(x.from()) && c.at().isBefore(x.to()))
                        .findFirst().orElseThrow();
                // the analysis' default window [c - 10m, c + 5m] lies inside the degradation
                assertTrue(!c.at().minus(Duration.ofMinutes(10)).isBefore(w.from())
                        && !c.at().plus(Duration.ofMinutes(5)).isAfter(w.to()), c + " in " + w);
            }
        }
        // 5 weekdays x 3 or 4 degradations at work x 3 users x 0.6
        assertTrue(during >= 20 && during <= 40, "complaints during degradations: " + during);
        assertTrue(p.complaints().size() - during <= 5, "a few unrelated complaints: " + (p.complaints().size() - during));
        assertEquals(p, SimulatedUsers.plan("voice", OFFICE, bad, MONDAY, MONDAY.plus(Duration.ofDays(7)), 1), "seeded");
    }

    static Stream<Arguments> complaintTimes() {
        Instant s = MONDAY;
        return Stream.of(
                Arguments.of(Duration.ofMinutes(20), 0.0, s.plus(Duration.ofMinutes(10))),
                Arguments.of(Duration.ofMinutes(20), 1.0, s.plus(Duration.ofSeconds(675))),
                Arguments.of(Duration.ofMinutes(60), 1.0, s.plus(Duration.ofMinutes(21).plusSeconds(15))),
                Arguments.of(Duration.ofMinutes(9), 0.5, s.plus(Duration.ofMinutes(6))));
    }

    @ParameterizedTest
    @MethodSource("complaintTimes")
    void complaintTimeIsTenMinutesInPlusAQuarterOfTheRest(Duration len, double u, Instant expected) {
        assertEquals(expected, SimulatedUsers.complaintTime(new SimulatedUsers.Window(MONDAY, MONDAY.plus(len)), u));
    }

    @Test
    void weekendsAndZonesCount() {
        SimulatedUsers.Office paris = new SimulatedUsers.Office(List.of("ann"), LocalTime.of(8, 0), LocalTime.of(18, 0),
                ZoneId.of("Europe/Paris"));
        SimulatedUsers.Plan p = SimulatedUsers.plan("voice", paris, List.of(), MONDAY.minus(Duration.ofDays(2)), MONDAY.plus(Duration.ofDays(1)), 3);
        assertEquals(List.of(new ActivePeriod("ann", "voice", Instant.parse("2026-11-16T07:00:00Z"),
                Instant.parse("2026-11-16T17:00:00Z"))), p.active());
    }
}
