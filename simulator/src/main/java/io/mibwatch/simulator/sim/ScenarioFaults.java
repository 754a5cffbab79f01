package io.mibwatch.simulator.sim;

import io.mibwatch.simulator.agent.FaultPolicy;
import io.mibwatch.simulator.agent.ProtocolFault;
import io.mibwatch.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's {@link FaultPolicy} from a {@link Scenario}: the on-the-wire fault active for the
 * device at {@code simTime - simStart}. Value faults (reboot, wrap, cpu spike, interface down)
 * are the model's business, not this class's.
 *
 * <p>Per-device sub-scenarios are computed once, so a request costs a scan of that device's own
 * faults only (usually none).
 */
public final class ScenarioFaults implements FaultPolicy {
    private final Scenario scenario;
    private final Instant simStart;
    private final Map<String, Scenario> perDevice = new ConcurrentHashMap<>();

    public ScenarioFaults(Scenario scenario, Instant simStart) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.simStart = Objects.requireNonNull(simStart, "simStart");
    }

    @Override
    public ProtocolFault at(String device, Instant simTime) {
        Scenario own = perDevice.computeIfAbsent(device, scenario::forDevice);
        if (own.faults().isEmpty()) {
            return ProtocolFault.NONE;
        }
        return own.at(device, Duration.between(simStart, simTime)).protocol();
    }
}
