package io.mibwatch.simulator.agent;

import java.time.Instant;

/**
 * Which {@link ProtocolFault} applies to a request for {@code device} at simulated time {@code simTime}.
 * Implemented by the scenario model (io.mibwatch.simulator.model); called on the agent's I/O
 * thread once per request, so it must be fast, non-blocking and thread-safe.
 */
@FunctionalInterface
public interface FaultPolicy {

    /** Never misbehave. */
    FaultPolicy NONE = (device, simTime) -> ProtocolFault.NONE;

    /**
     * @param device  the device name (recording file name without {@code .snmprec})
     * @param simTime the simulated time of the request ({@link SimClock#now()})
     * @return never {@code null}
     */
    ProtocolFault at(String device, Instant simTime);
}
