package io.mibwatch.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.app.daemon.DeviceStatus;
import io.mibwatch.config.Credentials;
import io.mibwatch.config.DeviceConfig;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.web.devices.DeviceDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonDirectoryTest {
    static final Instant T = Instant.parse("2026-11-16T12:00:00Z");

    static DeviceConfig device(String name, String address) {
        return new DeviceConfig(name, address, 161, SnmpVersion.V2C,
                new Credentials.Community("lab", Secret.of("s3cret-community")), Duration.ofMinutes(1),
                Duration.ofSeconds(5), 2, 25, true, 4, List.of("system", "interfaces"), Optional.empty());
    }

    @Test
    void devicesAreSortedWithTheDaemonsStatusAndNoSecrets() {
        Map<String, DeviceStatus> status = Map.of(
                "b2", new DeviceStatus("b2", false, T, Duration.ofSeconds(15), 3, "timeout after 5 s", 40, 3, 0),
                "a1", new DeviceStatus("a1", true, T, Duration.ofMillis(300), 0, null, 40, 0, 1200));
        DaemonDirectory dir = new DaemonDirectory(() -> List.of(device("b2", "192.0.2.2"), device("a1", "192.0.2.1"),
                device("c3", "192.0.2.3")), n -> Optional.ofNullable(status.get(n)));
        List<DeviceDirectory.Device> all = dir.devices();
        assertEquals(List.of("a1", "b2", "c3"), all.stream().map(DeviceDirectory.Device::name).toList());
        DeviceDirectory.PollStatus a1 = all.get(0).status().orElseThrow();
        assertTrue(a1.reachable());
        assertEquals(Optional.empty(), a1.lastError());
        DeviceDirectory.PollStatus b2 = all.get(1).status().orElseThrow();
        assertFalse(b2.reachable());
        assertEquals(3, b2.consecutiveFailures());
        assertEquals(Optional.of("timeout after 5 s"), b2.lastError());
        assertEquals(Duration.ofSeconds(15), b2.lastDuration());
        assertTrue(all.get(2).status().isEmpty(), "no status from the daemon: not polled yet");
        assertFalse(all.toString().contains("s3cret"), all.toString());
    }

    @Test
    void aDeviceTheDaemonHasNotPolledYetHasNoStatus() {
        DeviceStatus initial = new DeviceStatus("x", false, null, Duration.ZERO, 0, null, 0, 0, 0);
        assertTrue(DaemonDirectory.poll(initial).isEmpty());
    }
}
