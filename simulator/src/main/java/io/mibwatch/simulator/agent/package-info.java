/**
 * The simulator's SNMP agent: wire protocol, routing, faults. Values come from a {@link
 * io.mibwatch.simulator.agent.DeviceView}; the time model (package {@code io.mibwatch.simulator.model})
 * plugs in through three small types and nothing else:
 *
 * <ul>
 *   <li>{@link io.mibwatch.simulator.agent.DeviceView} - one device's values. The OID set is the
 *       {@link io.mibwatch.simulator.snmprec.Recording}'s (sorted, shared between devices); the view
 *       says per recorded index whether the value moves ({@code isDynamic(i)}, fixed for the view's
 *       life) and, if so, what it is at a simulated instant ({@code valueAt(i, simTime)}, an SNMP4J
 *       {@code Variable}; {@code null} = instance absent now). Static indexes are served from
 *       pre-encoded bytes. {@code DeviceView.recorded(rec)} is the frozen default. A model adapter
 *       typically precomputes, per recording, which indexes are counters/gauges/sysUpTime
 *       ({@code recording.oid(i)}, {@code recording.value(i)}, {@code recording.valueTag(i)}) and
 *       keeps the per-device seed/rate arrays itself.</li>
 *   <li>{@link io.mibwatch.simulator.agent.FaultPolicy} - {@code ProtocolFault at(device, simTime)} per
 *       request: {@link io.mibwatch.simulator.agent.ProtocolFault#NONE}, {@code DROP} (timeout),
 *       {@code new ProtocolFault.Delay(Duration)} (real-time delay; other devices keep being served),
 *       {@code GARBLE} (undecodable answer), {@code TRUNCATE} (first half of the answer),
 *       {@code WRONG_AUTH} (no answer, counted as a bad community). Reboots, wraps, interface down,
 *       CPU spikes are value-model matters: the view returns the reset/wrapped/flat values.</li>
 *   <li>{@link io.mibwatch.simulator.agent.SimClock} - simulated time = start + real elapsed x speed
 *       (0 frozen), over an injected {@link java.time.Clock}; the agent stamps each request with
 *       {@code clock.now()} and passes it to the view and the fault policy.</li>
 * </ul>
 *
 * Wiring: {@code SnmpSimulator.builder().listen(addr).clock(simClock).faults(policy).device(name, view)...start()}.
 * Views and policies are called on the agent's I/O thread(s): they must be thread-safe, fast and
 * must never block.
 *
 * <p>Protocol notes: v1/v2c are decoded and answered in place (RFC 1157, RFC 3416) by a
 * hand-written minimal BER codec; v3 USM (RFC 3414, one user, SHA/AES-128) goes through SNMP4J and
 * the same responder. See {@link io.mibwatch.simulator.agent.SnmpSimulator} for ports, communities
 * and message sizes.
 */
package io.mibwatch.simulator.agent;
