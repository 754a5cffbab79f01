package io.mibwatch.poller.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

class DiscoveryTest {

    private static VariableBinding vb(String oid, Variable v) {
        return new VariableBinding(new OID(oid), v);
    }

    @Test
    void emptyWalkGivesEmptyInventory() {
        Inventory inv = Discovery.discover(List.of());
        assertEquals(new Inventory("", "", "", List.of(), List.of(), List.of(), false, false, false), inv);
    }

    @Test
    void exceptionsMarkAbsenceNotValues() {
        Inventory inv = Discovery.discover(List.of(
                vb("1.3.6.1.2.1.2.2.1.2.1", new OctetString("eth0")),
                vb("1.3.6.1.2.1.31.1.1.1.6.1", Null.noSuchInstance),
                vb("1.3.6.1.2.1.2.2.1.10.1", Null.noSuchObject),
                vb("1.3.6.1.2.1.2.2.1.2.2", Null.endOfMibView)));
        assertEquals(1, inv.interfaces().size());
        assertFalse(inv.interfaces().get(0).hcCounters());
        assertFalse(inv.interfaces().get(0).counters32());
    }

    @ParameterizedTest(name = "ifHighSpeed={0} ifSpeed={1} -> {2}")
    @CsvSource({
            "100,   10000000,   100000000",
            "0,     10000000,   10000000",
            "-1,    4294967295, 4294967295",
            "40000, 4294967295, 40000000000",
            "-1,    -1,         0",
            "0,     0,          0",
    })
    void speedPrefersIfHighSpeed(long highSpeed, long speed, long expected) {
        List<VariableBinding> walk = new java.util.ArrayList<>(List.of(vb("1.3.6.1.2.1.2.2.1.3.7", new Integer32(6))));
        if (highSpeed >= 0) {
            walk.add(vb("1.3.6.1.2.1.31.1.1.1.15.7", new Gauge32(highSpeed)));
        }
        if (speed >= 0) {
            walk.add(vb("1.3.6.1.2.1.2.2.1.5.7", new Gauge32(speed)));
        }
        assertEquals(expected, Discovery.discover(walk).interfaces().get(0).speedBitsPerSecond());
    }

    @Test
    void wrongTypesAreIgnoredNotMisread() {
        Inventory inv = Discovery.discover(List.of(
                vb("1.3.6.1.2.1.2.2.1.2.3", new OctetString("x")),
                vb("1.3.6.1.2.1.2.2.1.5.3", new OctetString("1000")),
                vb("1.3.6.1.2.1.2.2.1.8.3", new OctetString("up"))));
        Inventory.Interface i = inv.interfaces().get(0);
        assertEquals(0, i.speedBitsPerSecond());
        assertEquals(0, i.operStatus());
    }

    @Test
    void octetStringsSurviveNulsAndLatin1() {
        Inventory inv = Discovery.discover(List.of(
                vb("1.3.6.1.2.1.1.5.0", new OctetString(new byte[] {'s', 'w', '1', 0, 0})),
                vb("1.3.6.1.2.1.1.1.0", new OctetString(new byte[] {'M', (byte) 0xfc, 'n', 'c', 'h', 'e', 'n'})),
                vb("1.3.6.1.2.1.2.2.1.2.1", new OctetString("Zürich port".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                vb("1.3.6.1.2.1.1.2.0", new OID("1.3.6.1.4.1.8072.3.2.10"))));
        assertEquals("sw1", inv.sysName());
        assertEquals("München", inv.sysDescr());
        assertEquals("1.3.6.1.4.1.8072.3.2.10", inv.sysObjectId());
        assertEquals("Zürich port", inv.interfaces().get(0).descr());
    }

    @Test
    void countersPresencePerIndex() {
        Inventory inv = Discovery.discover(List.of(
                vb("1.3.6.1.2.1.2.2.1.2.1", new OctetString("a")),
                vb("1.3.6.1.2.1.31.1.1.1.1.2", new OctetString("b")),
                vb("1.3.6.1.2.1.2.2.1.16.1", new Counter32(5)),
                vb("1.3.6.1.2.1.31.1.1.1.10.2", new Counter64(5)),
                vb("1.3.6.1.2.1.31.1.1.1.19.2", new org.snmp4j.smi.TimeTicks(0)),
                // a counter row without ifDescr/ifName/ifType is not an interface
                vb("1.3.6.1.2.1.31.1.1.1.6.9", new Counter64(1))));
        assertEquals(List.of(1, 2), inv.interfaces().stream().map(Inventory.Interface::index).toList());
        assertTrue(inv.interfaces().get(0).counters32());
        assertFalse(inv.interfaces().get(0).hcCounters());
        assertTrue(inv.interfaces().get(1).hcCounters());
        assertTrue(inv.interfaces().get(1).discontinuityTime());
        assertFalse(inv.interfaces().get(0).discontinuityTime());
    }

    @Test
    void storageNeedsSizeAndUnits() {
        Inventory inv = Discovery.discover(List.of(
                vb("1.3.6.1.2.1.25.2.3.1.4.1", new Integer32(4096)),
                vb("1.3.6.1.2.1.25.2.3.1.5.1", new Integer32(100)),
                vb("1.3.6.1.2.1.25.2.3.1.4.2", new Integer32(4096)),
                vb("1.3.6.1.2.1.25.2.3.1.5.2", new Integer32(0)),
                vb("1.3.6.1.2.1.25.2.3.1.4.3", new Integer32(0)),
                vb("1.3.6.1.2.1.25.2.3.1.5.3", new Integer32(10)),
                vb("1.3.6.1.2.1.25.2.3.1.5.4", new Integer32(10))));
        assertEquals(List.of(new Inventory.StorageArea(1, "", "", 4096, 100)), inv.storage());
    }

    @Test
    void ucdFlags() {
        Inventory inv = Discovery.discover(List.of(
                vb("1.3.6.1.4.1.2021.10.1.5.1", new Integer32(11)),
                vb("1.3.6.1.4.1.2021.11.53.0", new Counter32(1))));
        assertTrue(inv.ucdLoad());
        assertFalse(inv.ucdMemory());
        assertTrue(inv.ucdCpuRaw());
    }
}
