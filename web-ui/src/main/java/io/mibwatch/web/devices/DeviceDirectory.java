package io.mibwatch.web.devices;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the web needs to know about devices that only the running daemon knows: which are
 * configured, how their polling goes, and the names agents gave them (sysDescr, ifName/ifAlias).
 * The app implements it over its daemon; web-ui never depends on the app (the app wires the modules together).
 */
public interface DeviceDirectory {

    /** Every configured device, sorted by name. */
    List<Device> devices();

    /** One device by name. */
    default Optional<Device> device(String name) {
        return devices().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * A device as the directory knows it. All strings except {@code name} come from the agent or
     * the config and may hold markup: pages put them in the DOM as text only.
     *
     * @param address  host or IP address polled
     * @param status   empty until the first poll cycle ended
     * @param sysDescr SNMPv2-MIB sysDescr (RFC 3418), "" if unknown
     * @param labels   names of instances by {@code group/instance} (e.g. {@code interfaces/3})
     */
    record Device(String name, String address, Optional<PollStatus> status, String sysDescr,
                  Map<String, InstanceLabel> labels) {
        public Device {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(sysDescr, "sysDescr");
            labels = Map.copyOf(labels);
        }

        public Optional<InstanceLabel> label(String group, String instance) {
            return Optional.ofNullable(labels.get(group + "/" + instance));
        }
    }

    /**
     * The daemon's view of a device's polling.
     *
     * @param lastPoll            start of the last finished cycle
     * @param lastDuration        how long it took
     * @param consecutiveFailures failed cycles in a row (0 when the last one answered)
     * @param lastError           the last failure's message (for a reachable device: the part of its last
     *                            cycle that failed), empty when the last cycle answered in full
     * @param cycles              cycles since the daemon started
     * @param failures            failed cycles since the daemon started
     */
    record PollStatus(boolean reachable, Instant lastPoll, Duration lastDuration, int consecutiveFailures,
                      Optional<String> lastError, long cycles, long failures) {
        public PollStatus {
            Objects.requireNonNull(lastPoll, "lastPoll");
            Objects.requireNonNull(lastDuration, "lastDuration");
            Objects.requireNonNull(lastError, "lastError");
        }
    }

    /**
     * How an agent names one instance: for interfaces ifName (else ifDescr) and ifAlias (RFC 2863
     * section 3.1.5 and ifXTable), for storage hrStorageDescr, for sensors the label column.
     */
    record InstanceLabel(String name, String alias) {
        public InstanceLabel {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(alias, "alias");
        }
    }
}
