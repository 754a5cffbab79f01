package io.mibwatch.simulator.fleet;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * One generated device: its walk as it would be recorded, sorted by OID. Serve it through
 * {@link io.mibwatch.simulator.model.DeviceModel#of} under the same {@code name}: the recorded
 * counters were made consistent with the uptime for that name's seeds.
 *
 * @param kind a short label of the template (core-router, access-switch, linux-server, ...)
 */
public record GeneratedDevice(String name, String kind, String sysDescr, OID sysObjectId,
                              NavigableMap<OID, Variable> values) {

    public GeneratedDevice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sysDescr, "sysDescr");
        Objects.requireNonNull(sysObjectId, "sysObjectId");
        values = Collections.unmodifiableNavigableMap(new TreeMap<>(values));
    }
}
