package io.mibwatch.simulator.agent;

import io.mibwatch.simulator.snmprec.Recording;
import java.time.Instant;
import org.snmp4j.smi.Variable;

/**
 * What one simulated device answers at a given simulated moment. This is the seam between the agent
 * (wire protocol, this package) and the time model (io.mibwatch.simulator.model): the agent asks
 * only this, on its I/O thread, for every OID it serves.
 *
 * <p>The device's OID set is the {@link #recording()}'s, sorted; the agent does all OID searching
 * (exact match, GETNEXT successor, GETBULK repetitions) on the recording's indexes {@code 0..size-1}.
 * A view decides only the <em>value</em> at an index:
 * <ul>
 *   <li>{@link #isDynamic(int)} false: the agent copies the recording's pre-encoded bytes (the fast
 *       path; nothing is allocated). Must not change over the view's life.</li>
 *   <li>{@link #isDynamic(int)} true: the agent calls {@link #valueAt(int, Instant)} and encodes the
 *       result. Returning {@code null} means "this instance does not exist now": GET answers
 *       noSuchInstance (v2c) / noSuchName (v1) and GETNEXT/GETBULK skip it.</li>
 * </ul>
 * Implementations must be thread-safe for concurrent reads and fast (called up to ~100k times a
 * second); they must not block. A value should be a pure function of (device, index, simTime) so
 * that history can be recomputed for any past moment.
 */
public interface DeviceView {

    /** The device's OIDs (sorted) and recorded values. May be shared by many views. */
    Recording recording();

    /** True if the value at {@code index} may differ from the recorded one at some time. */
    boolean isDynamic(int index);

    /**
     * The value at {@code index} at {@code simTime}; only called when {@link #isDynamic(int)} is true.
     *
     * @return the value, or {@code null} if the instance is absent at that moment
     */
    Variable valueAt(int index, Instant simTime);

    /** The default view: every value exactly as recorded, forever (time frozen for values). */
    static DeviceView recorded(Recording recording) {
        return new DeviceView() {
            @Override
            public Recording recording() {
                return recording;
            }

            @Override
            public boolean isDynamic(int index) {
                return false;
            }

            @Override
            public Variable valueAt(int index, Instant simTime) {
                return recording.value(index);
            }

            @Override
            public String toString() {
                return "recorded(" + recording.name() + ")";
            }
        };
    }
}
