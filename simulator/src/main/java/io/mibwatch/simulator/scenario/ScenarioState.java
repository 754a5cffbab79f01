package io.mibwatch.simulator.scenario;

import io.mibwatch.simulator.agent.ProtocolFault;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the scenario does to one device at one moment.
 *
 * @param protocol       how the agent answers now (the most severe active on-the-wire fault)
 * @param lastReboot     offset from the start of the latest reboot at or before now, if any
 * @param cpuPercent     the CPU reading forced by an active cpu_spike (the highest if several)
 * @param interfacesDown ifIndexes forced down now
 * @param counterWraps   the forced wraps of this device (they shift their counter at all times,
 *                       see {@link Fault.CounterWrap}), in scenario order
 */
public record ScenarioState(ProtocolFault protocol, Optional<Duration> lastReboot, OptionalInt cpuPercent,
                            SortedSet<Integer> interfacesDown, List<Fault.CounterWrap> counterWraps) {

    public static final ScenarioState NORMAL = new ScenarioState(ProtocolFault.NONE, Optional.empty(),
            OptionalInt.empty(), new TreeSet<>(), List.of());

    public ScenarioState {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(lastReboot, "lastReboot");
        Objects.requireNonNull(cpuPercent, "cpuPercent");
        interfacesDown = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(interfacesDown));
        counterWraps = List.copyOf(counterWraps);
    }

    public boolean interfaceDown(int ifIndex) {
        return interfacesDown.contains(ifIndex);
    }
}
