package io.mibwatch.thresholds.rule;

import static io.mibwatch.thresholds.rule.RuleKindsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.SeriesId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reboot and interface-down event rules over synthetic series (one poll per minute). */
class EventRulesTest {

    static final SeriesId UPTIME = new SeriesId("srv1", "system", "", "uptime");
    static final SeriesId OPER = new SeriesId("sw1", "interfaces", "3", "operStatus");
    static final SeriesId ADMIN = new SeriesId("sw1", "interfaces", "3", "adminStatus");
    static final Reboot REBOOT = new Reboot(RuleId.of("event:reboot"), Severity.WARNING, Duration.ofMinutes(2));

    static Stream<Arguments> reboots() {
        return Stream.of(
                arguments("uptime growing: no event", "100 160 220 280", "- - - -"),
                arguments("uptime decreased: fires for the hold time, then resolves", "100 160 20 80 140 200",
                        "- - Fw Fw - -"),
                arguments("agent restart reported by the poller", "100 R 40 100 160", "- Fw Fw - -"),
                arguments("a gap after a reboot does not extend or clear it", "100 5 _ _ 185", "- Fw Fw Fw -"),
                arguments("first sample is never a reboot", "5 65", "- -"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reboots")
    void reboot(String name, String values, String expected) {
        assertEquals(expected, run(REBOOT, UPTIME, values, Map.of()));
    }

    @Test
    void uptimeWrapAfter497DaysIsNotAReboot() {
        // TimeTicks wrap at 2^32 centiseconds = 42949672.96 s (RFC 2578 section 7.1.8)
        double beforeWrap = 42949672.96 - 30;
        String values = (long) beforeWrap + " 30 90";
        assertEquals("- - -", run(REBOOT, UPTIME, values, Map.of()));
    }

    static Stream<Arguments> interfaceStates() {
        return Stream.of(
                arguments("oper down while admin up fires", "1 2 2 1", "1 1 1 1", "- Fc Fc -"),
                arguments("oper down while admin down is intended", "1 2 2", "1 2 2", "- - -"),
                arguments("admin shut after the fault clears the alert", "1 2 2", "1 1 2", "- Fc -"),
                arguments("lowerLayerDown and notPresent count as down", "1 7 6 1", "1 1 1 1", "- Fc Fc -"),
                arguments("dormant and testing are legitimate states", "5 3", "1 1", "- -"),
                arguments("oper unknown holds", "1 2 4 4 1", "1 1 1 1 1", "- Fc Fc Fc -"),
                arguments("unknown admin status holds", "1 2 2", "_ _ 1", "- - Fc"),
                arguments("down since first seen (unused port) raises nothing", "2 2 2", "1 1 1", "- - -"),
                arguments("down since first seen, then up, then down fires", "2 1 2", "1 1 1", "- - Fc"),
                arguments("down from dormant is not a failure of a running link", "5 2", "1 1", "- -"));
    }

    @Test
    void withFreshStateTheStoredHistoryTellsWhetherTheInterfaceWentDown() {
        // after a daemon restart the rule state is new; the RRD history still knows the past
        Instant now = Instant.parse("2026-03-02T12:00:00Z");
        Observation.Value down = new Observation.Value(OPER, now, 2);
        History upTwoHoursAgo = (s, at) -> s.equals(ADMIN) ? OptionalDouble.of(1)
                : OptionalDouble.of(at.isBefore(now.minus(Duration.ofHours(2))) ? 1 : 2);
        History downForTwoWeeks = (s, at) -> s.equals(ADMIN) ? OptionalDouble.of(1)
                : OptionalDouble.of(at.isBefore(now.minus(Duration.ofDays(14))) ? 1 : 2);
        assertTrue(InterfaceDown.DEFAULT.evaluate(RuleState.INITIAL, down, now, upTwoHoursAgo).condition().isPresent());
        assertTrue(InterfaceDown.DEFAULT.evaluate(RuleState.INITIAL, down, now, downForTwoWeeks).condition().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interfaceStates")
    void interfaceDown(String name, String oper, String admin, String expected) {
        assertEquals(expected, run(InterfaceDown.DEFAULT, OPER, oper, Map.of(ADMIN, admin)));
    }
}
