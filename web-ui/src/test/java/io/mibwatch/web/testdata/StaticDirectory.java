package io.mibwatch.web.testdata;

import io.mibwatch.web.devices.DeviceDirectory;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A directory with fixed devices, standing in for the daemon in web-ui tests. */
public final class StaticDirectory implements DeviceDirectory {
    private final List<Device> devices = new CopyOnWriteArrayList<>();

    public StaticDirectory(List<Device> devices) {
        this.devices.addAll(devices);
    }

    @Override
    public List<Device> devices() {
        return devices.stream().sorted(Comparator.comparing(Device::name)).toList();
    }
}
