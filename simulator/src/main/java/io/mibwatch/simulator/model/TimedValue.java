package io.mibwatch.simulator.model;

import java.time.Instant;
import java.util.Objects;
import org.snmp4j.smi.Variable;

/** One value of an OID at one instant, as {@link DeviceModel#history} lists them. */
public record TimedValue(Instant at, Variable value) {
    public TimedValue {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(value, "value");
    }
}
