package io.mibwatch.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.app.daemon.DeviceStatus;
import io.mibwatch.config.Credentials;
import io.mibwatch.config.DeviceConfig;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.poller.discovery.Inventory;
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

    @Test
    void agentNamesComeFromTheInventoryUnescaped() {
        String alias = "<img src=x onerror=alert(1)> uplink";
        Inventory inv = new Inventory("core1", "<script>x</script> IOS", "1.3.6.1.4.1.9.1.1",
                List.of(new Inventory.Interface(3, "Gi0/3", "GigabitEthernet0/3", alias, 6, 1_000_000_000L, true, true,
                        1, 1, false), new Inventory.Interface(4, "", "eth4", "", 6, 0, false, true, 1, 1, false)),
                List.of(new Inventory.StorageArea(31, "/var", "1.3.6.1.2.1.25.2.1.4", 4096, 1000)), List.of(),
                false, false, false, "default", List.of(new Inventory.GroupRows("entity_temp",
                        List.of(new Inventory.Row("7", "CPU die", 1), new Inventory.Row("8", "", 1)), java.util.Set.of("temperature"))));
        DaemonDirectory dir = new DaemonDirectory(() -> List.of(device("core1", "192.0.2.1")), n -> Optional.empty(),
                n -> Optional.of(inv));
        DeviceDirectory.Device d = dir.device("core1").orElseThrow();
        assertEquals("<script>x</script> IOS", d.sysDescr());
        assertEquals(new DeviceDirectory.InstanceLabel("Gi0/3", alias), d.label("interfaces", "3").orElseThrow());
        assertEquals("eth4", d.label("interfaces", "4").orElseThrow().name());
        assertEquals("/var", d.label("storage", "31").orElseThrow().name());
        assertEquals("CPU die", d.label("entity_temp", "7").orElseThrow().name());
        assertTrue(d.label("entity_temp", "8").isEmpty());
    }
}
