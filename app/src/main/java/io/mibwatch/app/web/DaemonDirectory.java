package io.mibwatch.app.web;

import io.mibwatch.app.daemon.DeviceStatus;
import io.mibwatch.config.DeviceConfig;
import io.mibwatch.poller.discovery.Inventory;
import io.mibwatch.web.devices.DeviceDirectory;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The web's device directory over the running daemon: the configured devices and the poll status
 * the daemon keeps ({@link DeviceStatus}). The config is asked on every call so a reload shows.
 *
 * <p>Agent names (sysDescr, ifName/ifAlias, storage and sensor names) come from discovery's
 * {@link Inventory} of the daemon's last discovery of the device (every 6 hours and after an agent
 * restart); before the first discovery the pages show indexes only.
 */
public final class DaemonDirectory implements DeviceDirectory {
    private final Supplier<List<DeviceConfig>> devices;
    private final Function<String, Optional<DeviceStatus>> status;
    private final Function<String, Optional<Inventory>> inventory;

    /** A directory without agent names (sysDescr, interface names are empty). */
    public DaemonDirectory(Supplier<List<DeviceConfig>> devices, Function<String, Optional<DeviceStatus>> status) {
        this(devices, status, d -> Optional.empty());
    }

    /**
     * @param devices the configured devices (e.g. {@code () -> config.devices()})
     * @param status    the daemon's status of a device (e.g. {@code daemon::status})
     * @param inventory the last discovery of a device, empty before the first
     */
    public DaemonDirectory(Supplier<List<DeviceConfig>> devices, Function<String, Optional<DeviceStatus>> status,
                           Function<String, Optional<Inventory>> inventory) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.status = Objects.requireNonNull(status, "status");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
    }

    @Override
    public List<Device> devices() {
        return devices.get().stream().sorted(Comparator.comparing(DeviceConfig::name)).map(this::device).toList();
    }

    private Device device(DeviceConfig d) {
        // the address only: the port and credentials stay out of the web (secrets never leave the config)
        Optional<Inventory> inv = inventory.apply(d.name());
        return new Device(d.name(), d.address(), status.apply(d.name()).flatMap(DaemonDirectory::poll),
                inv.map(Inventory::sysDescr).orElse(""), inv.map(InventoryLabels::of).orElse(Map.of()));
    }

    /** The daemon's status as the web shows it; empty before the first cycle ended. */
    static Optional<PollStatus> poll(DeviceStatus s) {
        if (s.lastPoll() == null) {
            return Optional.empty();
        }
        return Optional.of(new PollStatus(s.reachable(), s.lastPoll(), s.lastDuration(), s.consecutiveFailures(),
                Optional.ofNullable(s.lastError()), s.cycles(), s.failures()));
    }
}
