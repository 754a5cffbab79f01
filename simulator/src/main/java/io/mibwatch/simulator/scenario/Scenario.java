package io.mibwatch.simulator.scenario;

import io.mibwatch.simulator.agent.ProtocolFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * A list of faults with times relative to the simulation start. Pure: {@link #at} answers from
 * the list alone, so the agent can ask per request and a backfill can ask for any past moment.
 */
public record Scenario(List<Fault> faults) {

    public static final Scenario EMPTY = new Scenario(List.of());

    public Scenario {
        faults = List.copyOf(faults);
    }

    /** The faults whose device pattern matches {@code device}, in file order. */
    public Scenario forDevice(String device) {
        Objects.requireNonNull(device, "device");
        return new Scenario(faults.stream().filter(f -> f.device().matches(device)).toList());
    }

    /**
     * The state of {@code device} at {@code sinceStart} after the simulation start. Times before
     * the start (negative) see no fault active, but see the forced counter wraps (they apply always).
     */
    public ScenarioState at(String device, Duration sinceStart) {
        Objects.requireNonNull(sinceStart, "sinceStart");
        ProtocolFault protocol = ProtocolFault.NONE;
        Duration lastReboot = null;
        Integer cpu = null;
        TreeSet<Integer> down = new TreeSet<>();
        List<Fault.CounterWrap> wraps = new ArrayList<>();
        for (Fault f : faults) {
            if (!f.device().matches(device)) {
                continue;
            }
            if (f instanceof Fault.Reboot r) {
                if (r.at().compareTo(sinceStart) <= 0 && (lastReboot == null || r.at().compareTo(lastReboot) > 0)) {
                    lastReboot = r.at();
                }
            } else if (f instanceof Fault.CounterWrap w) {
                wraps.add(w);
            } else if (f instanceof Fault.CpuSpike c) {
                if (c.activeAt(sinceStart)) {
                    cpu = cpu == null ? c.percent() : Math.max(cpu, c.percent());
                }
            } else if (f instanceof Fault.InterfaceDown d) {
                if (d.activeAt(sinceStart)) {
                    down.add(d.ifIndex());
                }
            } else if (f instanceof Fault.OnTheWire w) {
                if (w.activeAt(sinceStart) && w.protocolFault().severity() > protocol.severity()) {
                    protocol = w.protocolFault();
                }
            }
        }
        return new ScenarioState(protocol, Optional.ofNullable(lastReboot),
                cpu == null ? OptionalInt.empty() : OptionalInt.of(cpu), down, wraps);
    }
}
