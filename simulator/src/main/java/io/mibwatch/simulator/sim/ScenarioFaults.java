package io.mibwatch.simulator.sim;

import io.mibwatch.simulator.agent.Fault;
import io.mibwatch.simulator.agent.FaultPolicy;
import io.mibwatch.simulator.scenario.ProtocolFault;
import io.mibwatch.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's {@link FaultPolicy} from a {@link Scenario}: the on-the-wire fault active for the
 * device at {@code simTime - simStart}, mapped to what the agent does with the packet. Value
 * faults (reboot, wrap, cpu spike, interface down) are the model's business, not this class's.
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
    public Fault at(String device, Instant simTime) {
        Scenario own = perDevice.computeIfAbsent(device, scenario::forDevice);
        if (own.faults().isEmpty()) {
            return Fault.NONE;
        }
        return toAgent(own.at(device, Duration.between(simStart, simTime)).protocol());
    }

    /**
     * The packet-level meaning of a protocol fault. Timeout drops the request. An auth failure is
     * dropped too, as snmpd does for a wrong community (RFC 3584 section 4.1); the agent counts it
     * as a bad community. Garbled and truncated answers are sent, scrambled or cut in half.
     */
    public static Fault toAgent(ProtocolFault p) {
        Objects.requireNonNull(p, "protocol fault");
        if (p instanceof ProtocolFault.None) return Fault.NONE;
        if (p instanceof ProtocolFault.Timeout) return Fault.DROP;
        if (p instanceof ProtocolFault.AuthFailure) return Fault.WRONG_AUTH;
        if (p instanceof ProtocolFault.Garbled) return Fault.GARBLE;
        if (p instanceof ProtocolFault.Truncated) return Fault.TRUNCATE;
        if (p instanceof ProtocolFault.Slow s) return new Fault.Delay(s.delay());
        throw new IllegalArgumentException("unknown protocol fault " + p);
    }
}
