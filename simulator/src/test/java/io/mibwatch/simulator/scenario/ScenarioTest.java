package io.mibwatch.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.time.DurationText;
import io.mibwatch.simulator.agent.ProtocolFault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioTest {

    static final Scenario SCENARIO;

    static {
        try {
            SCENARIO = ScenarioLoader.parse(ScenarioLoaderTest.EXAMPLE, "example");
        } catch (ScenarioException e) {
            throw new AssertionError(e);
        }
    }

    static Stream<Arguments> protocolFaults() {
        return Stream.of(
                Arguments.of("core1", "0s", ProtocolFault.NONE),
                Arguments.of("core1", "1m59s", ProtocolFault.NONE),
                Arguments.of("core1", "2m", ProtocolFault.DROP),
                // timeout [2m,5m) overlaps garbled and truncated [4m,5m): no answer wins
                Arguments.of("core1", "4m30s", ProtocolFault.DROP),
                Arguments.of("core1", "5m", ProtocolFault.WRONG_AUTH),
                Arguments.of("core1", "6m", ProtocolFault.NONE),
                Arguments.of("sw-3", "1m", new ProtocolFault.Delay(Duration.ofSeconds(2))),
                Arguments.of("sw-3", "2m", ProtocolFault.NONE),
                Arguments.of("sw1", "1m", ProtocolFault.NONE));
    }

    @ParameterizedTest
    @MethodSource("protocolFaults")
    void mostSevereActiveProtocolFault(String device, String at, ProtocolFault expected) {
        assertEquals(expected, SCENARIO.at(device, DurationText.parseOrSeconds(at).orElseThrow()).protocol());
    }

    @Test
    void valueOverridesOfOneMoment() {
        ScenarioState srv1 = SCENARIO.at("srv1", Duration.ofSeconds(100));
        assertEquals(Optional.of(Duration.ofSeconds(90)), srv1.lastReboot());
        assertEquals(OptionalInt.of(97), srv1.cpuPercent());
        assertEquals(Set.of(), srv1.interfacesDown());

        ScenarioState before = SCENARIO.at("srv1", Duration.ofSeconds(89));
        assertEquals(Optional.empty(), before.lastReboot());

        ScenarioState sw1 = SCENARIO.at("sw1", Duration.ofMinutes(3));
        assertEquals(new TreeSet<>(Set.of(3)), sw1.interfacesDown());
        assertTrue(sw1.interfaceDown(3));
        assertFalse(SCENARIO.at("sw1", Duration.ofMinutes(6)).interfaceDown(3));

        ScenarioState core1 = SCENARIO.at("core1", Duration.ofSeconds(-10));
        assertEquals(1, core1.counterWraps().size(), "wraps apply at all times");
    }

    @Test
    void latestRebootWinsAndForDeviceFilters() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                faults:
                  - {at: 5m, device: "srv*", kind: reboot}
                  - {at: 1m, device: srv1, kind: reboot}
                  - {at: 1m, device: sw1, kind: reboot}
                """, "s");
        assertEquals(Optional.of(Duration.ofMinutes(5)), s.at("srv1", Duration.ofMinutes(7)).lastReboot());
        assertEquals(Optional.of(Duration.ofMinutes(1)), s.at("srv1", Duration.ofMinutes(4)).lastReboot());
        assertEquals(2, s.forDevice("srv1").faults().size());
        assertEquals(List.of(s.faults().get(2)), s.forDevice("sw1").faults());
        assertEquals(ScenarioState.NORMAL, s.at("fw1", Duration.ofMinutes(7)));
    }

    @Test
    void globs() {
        assertTrue(new DevicePattern("sw-*").matches("sw-12"));
        assertTrue(new DevicePattern("sw?").matches("sw1"));
        assertFalse(new DevicePattern("sw?").matches("sw12"));
        assertFalse(new DevicePattern("sw.1").matches("swx1"), "dot is literal");
        assertTrue(new DevicePattern("*").matches("anything"));
    }
}
