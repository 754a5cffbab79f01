package io.mibwatch.thresholds.rule;

import static io.mibwatch.thresholds.rule.RuleKindsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.mibwatch.core.series.SeriesId;
import java.time.Duration;
import java.util.Map;
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
                arguments("oper down while admin down is intended", "2 2", "2 2", "- -"),
                arguments("admin shut after the fault clears the alert", "2 2", "1 2", "Fc -"),
                arguments("lowerLayerDown and notPresent count as down", "7 6 1", "1 1 1", "Fc Fc -"),
                arguments("dormant and testing are legitimate states", "5 3", "1 1", "- -"),
                arguments("oper unknown holds", "2 4 4 1", "1 1 1 1", "Fc Fc Fc -"),
                arguments("unknown admin status holds", "2 2", "_ 1", "- Fc"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interfaceStates")
    void interfaceDown(String name, String oper, String admin, String expected) {
        assertEquals(expected, run(InterfaceDown.DEFAULT, OPER, oper, Map.of(ADMIN, admin)));
    }
}
