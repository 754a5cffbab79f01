package io.mibwatch.simulator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mibwatch.simulator.agent.Fault;
import io.mibwatch.simulator.scenario.ProtocolFault;
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

    static Stream<Arguments> mapping() {
        return Stream.of(
                Arguments.of(ProtocolFault.NONE, Fault.NONE),
                Arguments.of(new ProtocolFault.Timeout(), Fault.DROP),
                Arguments.of(new ProtocolFault.AuthFailure(), Fault.WRONG_AUTH),
                Arguments.of(new ProtocolFault.Garbled(), Fault.GARBLE),
                Arguments.of(new ProtocolFault.Truncated(), Fault.TRUNCATE),
                Arguments.of(new ProtocolFault.Slow(Duration.ofSeconds(2)), new Fault.Delay(Duration.ofSeconds(2))));
    }

    @ParameterizedTest
    @MethodSource("mapping")
    void eachProtocolFaultHasItsPacketFault(ProtocolFault p, Fault expected) {
        assertEquals(expected, ScenarioFaults.toAgent(p));
    }

    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of("core1", 59, Fault.NONE),
                Arguments.of("core1", 60, Fault.DROP),
                Arguments.of("core1", 179, Fault.DROP),
                Arguments.of("core1", 180, Fault.NONE),
                Arguments.of("core2", 90, Fault.NONE),       // another device
                Arguments.of("sw1", 100, Fault.GARBLE),      // pattern sw*
                Arguments.of("sw2", 130, Fault.DROP),        // timeout beats garbled where both hold
                Arguments.of("srv1", -30, Fault.NONE));      // before the start nothing is active
    }

    @ParameterizedTest
    @MethodSource("windows")
    void faultIsTheScenarioStateAtSimTimeMinusStart(String device, long secondsAfterStart, Fault expected) throws Exception {
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
        assertEquals(Fault.NONE, new ScenarioFaults(Scenario.EMPTY, START).at("core1", START));
    }
}
