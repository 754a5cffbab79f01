package io.mibwatch.simulator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mibwatch.simulator.agent.ProtocolFault;
import io.mibwatch.simulator.scenario.Scenario;
import io.mibwatch.simulator.scenario.ScenarioLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioFaultsTest {
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("kind: reboot", ProtocolFault.NONE),
                Arguments.of("duration: 1m, kind: timeout", ProtocolFault.DROP),
                Arguments.of("duration: 1m, kind: auth_failure", ProtocolFault.WRONG_AUTH),
                Arguments.of("duration: 1m, kind: garbled", ProtocolFault.GARBLE),
                Arguments.of("duration: 1m, kind: truncated", ProtocolFault.TRUNCATE),
                Arguments.of("duration: 1m, kind: slow, delay: 2s", new ProtocolFault.Delay(Duration.ofSeconds(2))));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eachScenarioKindIsItsPacketFault(String fault, ProtocolFault expected) throws Exception {
        Scenario s = ScenarioLoader.parse("faults:\n  - {at: 0s, device: core1, " + fault + "}\n", "test.yaml");
        assertEquals(expected, new ScenarioFaults(s, START).at("core1", START.plusSeconds(30)));
    }

    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of("core1", 59, ProtocolFault.NONE),
                Arguments.of("core1", 60, ProtocolFault.DROP),
                Arguments.of("core1", 179, ProtocolFault.DROP),
                Arguments.of("core1", 180, ProtocolFault.NONE),
                Arguments.of("core2", 90, ProtocolFault.NONE),       // another device
                Arguments.of("sw1", 100, ProtocolFault.GARBLE),      // pattern sw*
                Arguments.of("sw2", 130, ProtocolFault.DROP),        // timeout beats garbled where both hold
                Arguments.of("srv1", -30, ProtocolFault.NONE));      // before the start nothing is active
    }

    @ParameterizedTest
    @MethodSource("windows")
    void faultIsTheScenarioStateAtSimTimeMinusStart(String device, long secondsAfterStart, ProtocolFault expected) throws Exception {
        Scenario s = ScenarioLoader.parse("""
                faults:
                  - {at: 1m, duration: 2m, device: core1, kind: timeout}
                  - {at: 100s, duration: 1m, device: "sw*", kind: garbled}
                  - {at: 2m, duration: 1m, device: sw2, kind: timeout}
                """, "test.yaml");
        assertEquals(expected, new ScenarioFaults(s, START).at(device, START.plusSeconds(secondsAfterStart)));
    }

    @Test
    void deviceWithoutFaultsIsNeverFaulted() {
        assertEquals(ProtocolFault.NONE, new ScenarioFaults(Scenario.EMPTY, START).at("core1", START));
    }
}
