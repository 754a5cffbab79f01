package io.mibwatch.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.poller.discovery.Discovery;
import io.mibwatch.poller.discovery.Inventory;
import io.mibwatch.poller.snmprec.SnmprecFile;
import io.mibwatch.simulator.model.DeviceModel;
import io.mibwatch.simulator.model.TimedValue;
import io.mibwatch.simulator.model.TrafficShape;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

class FleetTest {

    static final List<GeneratedDevice> FLEET = Fleet.builtIn();

    static Stream<GeneratedDevice> devices() {
        return FLEET.stream();
    }

    static List<VariableBinding> bindings(GeneratedDevice d) {
        return d.values().entrySet().stream().map(e -> new VariableBinding(e.getKey(), e.getValue())).toList();
    }

    static Inventory discover(GeneratedDevice d) {
        return Discovery.discover(bindings(d));
    }

    @Test
    void twentyDevicesOfEveryKindTheIssueAsksFor() {
        assertEquals(20, FLEET.size());
        assertEquals(FLEET.stream().map(GeneratedDevice::name).sorted().toList(),
                FLEET.stream().map(GeneratedDevice::name).toList(), "sorted by name");
        Map<String, Long> kinds = FLEET.stream().collect(Collectors.groupingBy(GeneratedDevice::kind, Collectors.counting()));
        assertEquals(Map.of("core-router", 2L, "wan-router-ipsla", 1L, "access-switch", 6L, "firewall", 1L,
                "linux-server", 5L, "linux-nas", 1L, "windows-server", 2L, "ups", 2L), kinds);
    }

    @Test
    void generatedTheSameEveryTime() {
        assertEquals(FLEET, Fleet.builtIn());
    }

    @ParameterizedTest
    @MethodSource("devices")
    void discoverableByThePoller(GeneratedDevice d) {
        Inventory inv = discover(d);
        assertEquals(d.name(), inv.sysName());
        assertEquals(d.sysDescr(), inv.sysDescr());
        assertEquals(d.sysObjectId().toDottedString(), inv.sysObjectId());
        assertFalse(inv.interfaces().isEmpty());
        for (Inventory.Interface i : inv.interfaces()) {
            assertFalse(i.name().isEmpty(), "ifName of " + i.index());
            assertTrue(i.hcCounters() || i.counters32(), "counters on " + i.label());
            assertTrue(i.speedBitsPerSecond() > 0 || i.type() == DeviceBuilder.TUNNEL, "speed of " + i.label());
            assertEquals(1, i.adminStatus());
        }
        assertEquals(inv.interfaces().size(), d.values().get(new OID("1.3.6.1.2.1.2.1.0")).toInt(), "ifNumber");
    }

    @Test
    void switchesHave24Or48PortsWithHcCountersAndSomeDown() {
        for (GeneratedDevice d : FLEET) {
            if (!d.kind().equals("access-switch")) {
                continue;
            }
            Inventory inv = discover(d);
            long access = inv.interfaces().stream().filter(i -> i.name().startsWith("Gi")).count();
            assertTrue(access == 24 || access == 48, d.name() + " ports " + access);
            assertTrue(inv.interfaces().stream().allMatch(Inventory.Interface::hcCounters));
            assertTrue(inv.interfaces().stream().anyMatch(i -> i.operStatus() == 2), d.name() + " has empty ports");
            assertTrue(inv.interfaces().stream().anyMatch(i -> i.speedBitsPerSecond() == 10_000_000_000L), "10G uplinks");
        }
    }

    @Test
    void serversHaveStorageProcessorsAndUcd() {
        for (GeneratedDevice d : FLEET) {
            Inventory inv = discover(d);
            switch (d.kind()) {
                case "linux-server", "linux-nas" -> {
                    assertEquals(6, inv.storage().size(), d.name());
                    assertTrue(inv.processors().size() >= 2);
                    assertTrue(inv.ucdLoad() && inv.ucdMemory() && inv.ucdCpuRaw(), d.name());
                    assertTrue(inv.interfaces().stream().allMatch(Inventory.Interface::hcCounters));
                }
                case "windows-server" -> {
                    assertEquals(4, inv.storage().size());
                    assertEquals(4, inv.processors().size());
                    assertFalse(inv.ucdLoad());
                    assertTrue(inv.interfaces().stream().noneMatch(Inventory.Interface::hcCounters), "32-bit only");
                    assertTrue(inv.interfaces().stream().allMatch(Inventory.Interface::counters32));
                }
                default -> assertTrue(inv.storage().isEmpty(), d.name());
            }
        }
    }

    @Test
    void vendorMibsArePresent() {
        GeneratedDevice wan = byName("wan1");
        // CISCO-RTTMON-MIB: four operations, two of them udpJitter with jitter columns
        assertEquals(4, count(wan, "1.3.6.1.4.1.9.9.42.1.2.10.1.1"));   // rttMonLatestRttOperCompletionTime
        assertEquals(2, count(wan, "1.3.6.1.4.1.9.9.42.1.5.2.1.46"));   // rttMonLatestJitterOperAvgJitter
        assertEquals(1, count(wan, "1.3.6.1.4.1.9.9.109.1.1.1.1.8"));   // cpmCPUTotal5minRev
        assertEquals(1, count(byName("core1"), "1.3.6.1.4.1.9.9.109.1.1.1.1.8"));
        assertEquals(1, count(byName("fw1"), "1.3.6.1.4.1.12356.101.4.1.3")); // fgSysCpuUsage
        assertEquals(1, count(byName("ups1"), "1.3.6.1.2.1.33.1.4.4.1.5"));   // upsOutputPercentLoad
        assertEquals(1, count(byName("ups1"), "1.3.6.1.2.1.33.1.2.4"));       // upsEstimatedChargeRemaining
    }

    @ParameterizedTest
    @MethodSource("devices")
    void snmprecRoundTripsThroughThePollersReader(GeneratedDevice d, @TempDir Path dir) throws Exception {
        Path file = SnmprecWriter.writeInto(d, dir);
        assertEquals(dir.resolve(d.name() + ".snmprec"), file);
        SnmprecFile read = SnmprecFile.read(file);
        assertEquals(0, read.junkLines(), () -> String.join("\n", read.junk()));
        assertEquals(0, read.duplicates());
        assertEquals(bindings(d), read.bindings());
    }

    @Test
    void fourWeeksOfHistoryNeverWrapAHighCapacityCounter() {
        // recorded counters match the uptime, so backfilling 4 weeks stays above zero and rising
        Instant start = Instant.parse("2026-03-03T10:00:00Z");
        for (String name : List.of("core1", "sw1", "srv1", "nas1")) {
            GeneratedDevice d = byName(name);
            DeviceModel m = DeviceModel.of(d.name(), d.values(), start, TrafficShape.DEFAULT);
            for (OID oid : d.values().keySet()) {
                if (!oid.startsWith(new OID("1.3.6.1.2.1.31.1.1.1.6")) || d.values().get(oid).toLong() == 0) {
                    continue;
                }
                List<TimedValue> h = m.history(oid, start.minus(Duration.ofDays(28)), start, Duration.ofHours(1));
                for (int i = 1; i < h.size(); i++) {
                    long a = h.get(i - 1).value().toLong();
                    long b = h.get(i).value().toLong();
                    assertTrue(a >= 0 && b >= a, name + " " + oid + " at " + h.get(i).at() + ": " + a + " -> " + b);
                }
            }
        }
    }

    @Test
    void namesAreUnique() {
        Set<String> names = FLEET.stream().map(GeneratedDevice::name).collect(Collectors.toSet());
        assertEquals(FLEET.size(), names.size());
    }

    static GeneratedDevice byName(String name) {
        return FLEET.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    static long count(GeneratedDevice d, String column) {
        OID c = new OID(column);
        return d.values().keySet().stream().filter(o -> o.size() > c.size() && o.startsWith(c)).count();
    }

    static Variable get(GeneratedDevice d, String oid) {
        return d.values().get(new OID(oid));
    }
}
