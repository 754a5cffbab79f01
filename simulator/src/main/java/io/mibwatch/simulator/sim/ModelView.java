package io.mibwatch.simulator.sim;

import io.mibwatch.simulator.agent.DeviceView;
import io.mibwatch.simulator.model.Behaviour;
import io.mibwatch.simulator.model.DeviceModel;
import io.mibwatch.simulator.snmprec.Recording;
import java.time.Instant;
import java.util.Objects;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * The agent's {@link DeviceView} over a {@link DeviceModel}: which recorded indexes move is decided
 * once, at construction, from the model's {@link Behaviour} of each OID (static ones keep the
 * agent's pre-encoded fast path); a moving value is the model's value at the request's simulated
 * time. The model must have been built from the same walk as the recording, so both hold the
 * same OIDs.
 */
public final class ModelView implements DeviceView {
    private final Recording recording;
    private final DeviceModel model;
    private final boolean[] dynamic;
    private final OID[] oids;
    private final int dynamicCount;

    public ModelView(Recording recording, DeviceModel model) {
        this.recording = Objects.requireNonNull(recording, "recording");
        this.model = Objects.requireNonNull(model, "model");
        int n = recording.size();
        this.dynamic = new boolean[n];
        this.oids = new OID[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            OID oid = recording.oid(i);
            if (!(model.behaviour(oid) instanceof Behaviour.Static)) {
                dynamic[i] = true;
                oids[i] = oid; // kept only for moving values: the static majority costs nothing
                count++;
            }
        }
        this.dynamicCount = count;
    }

    @Override
    public Recording recording() {
        return recording;
    }

    @Override
    public boolean isDynamic(int index) {
        return dynamic[index];
    }

    @Override
    public Variable valueAt(int index, Instant simTime) {
        return model.valueAt(oids[index], simTime);
    }

    public DeviceModel model() {
        return model;
    }

    /** How many of the recording's values move with time. */
    public int dynamicCount() {
        return dynamicCount;
    }

    @Override
    public String toString() {
        return "ModelView[" + model.name() + ", " + dynamicCount + "/" + recording.size() + " moving]";
    }
}
