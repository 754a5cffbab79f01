package io.mibwatch.poller.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.poller.snmprec.SnmprecFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.VariableBinding;

/** Discovery against every recorded walk in ../shared/snmpdata/recordings. */
class RecordedDevicesDiscoveryTest {

    private static final List<String> SUMMARY = new ArrayList<>();

    /** What a real walk of {@link Discovery#WALK_ROOTS} would return from this agent. */
    static List<VariableBinding> walk(SnmprecFile f) {
        return f.bindings().stream()
                .filter(vb -> Discovery.WALK_ROOTS.stream().anyMatch(root -> vb.getOid().startsWith(root)))
                .toList();
    }

    static Inventory discover(String recording) {
        return Discovery.discover(walk(SnmprecFile.read(recording)));
    }

    static Stream<Path> recordings() {
        return SnmprecFile.recordings().stream();
    }

    /** Row indexes of a column, read from the file by OID text (independent of Discovery's indexing). */
    private static Set<Integer> rows(SnmprecFile f, String column) {
        Set<Integer> out = new TreeSet<>();
        for (VariableBinding vb : f.subtree(column)) {
            String suffix = vb.getOid().toDottedString().substring(column.length() + 1);
            if (!suffix.contains(".")) {
                out.add(Integer.parseInt(suffix));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void discoveryMatchesTheRecording(Path path) {
        SnmprecFile f = SnmprecFile.read(path);
        Inventory inv = Discovery.discover(walk(f));

        Set<Integer> ifRows = new TreeSet<>(rows(f, "1.3.6.1.2.1.2.2.1.2"));
        ifRows.addAll(rows(f, "1.3.6.1.2.1.31.1.1.1.1"));
        ifRows.addAll(rows(f, "1.3.6.1.2.1.2.2.1.3"));
        if (!rows(f, "1.3.6.1.2.1.2.2.1.2").isEmpty()) {
            assertFalse(inv.interfaces().isEmpty(), f.name() + " has ifDescr but no interfaces were found");
        }
        assertEquals(ifRows.size(), inv.interfaces().size(), f.name() + ": interfaces = distinct ifDescr/ifName/ifType rows");
        assertEquals(List.copyOf(ifRows), inv.interfaces().stream().map(Inventory.Interface::index).toList());

        Set<Integer> hc = new TreeSet<>(rows(f, "1.3.6.1.2.1.31.1.1.1.6"));
        hc.addAll(rows(f, "1.3.6.1.2.1.31.1.1.1.10"));
        Set<Integer> c32 = new TreeSet<>(rows(f, "1.3.6.1.2.1.2.2.1.10"));
        c32.addAll(rows(f, "1.3.6.1.2.1.2.2.1.16"));
        for (Inventory.Interface i : inv.interfaces()) {
            assertEquals(hc.contains(i.index()), i.hcCounters(), f.name() + " ifIndex " + i.index() + " HC");
            assertEquals(c32.contains(i.index()), i.counters32(), f.name() + " ifIndex " + i.index() + " 32-bit");
            assertFalse(i.label().isEmpty());
            assertFalse(i.name().contains("\0") || i.descr().contains("\0") || i.alias().contains("\0"));
            assertTrue(i.speedBitsPerSecond() >= 0);
        }

        long storage = rows(f, "1.3.6.1.2.1.25.2.3.1.5").stream()
                .filter(i -> f.get("1.3.6.1.2.1.25.2.3.1.5." + i).orElseThrow().toLong() > 0)
                .filter(i -> f.get("1.3.6.1.2.1.25.2.3.1.4." + i).map(v -> v.toLong() > 0).orElse(false))
                .count();
        assertEquals(storage, inv.storage().size(), f.name() + ": storage rows with size > 0");
        assertEquals(rows(f, "1.3.6.1.2.1.25.3.3.1.2").size(), inv.processors().size(), f.name() + ": processors");
        assertEquals(!rows(f, "1.3.6.1.4.1.2021.10.1.5").isEmpty(), inv.ucdLoad(), f.name() + ": UCD load");
        assertEquals(f.get("1.3.6.1.4.1.2021.4.5.0").isPresent(), inv.ucdMemory(), f.name() + ": UCD memory");
        assertEquals(f.get("1.3.6.1.2.1.1.5.0").map(DisplayText::of).orElse(""), inv.sysName(), f.name());

        SUMMARY.add(String.format("%-34s %5d %5d %5d %5d %5d  %-4s %-4s %3d", f.name(), inv.interfaces().size(),
                inv.interfaces().stream().filter(Inventory.Interface::hcCounters).count(),
                inv.interfaces().stream().filter(Inventory.Interface::counters32).count(),
                inv.storage().size(), inv.processors().size(), inv.ucdLoad() ? "load" : "-",
                inv.ucdMemory() ? "mem" : "-", f.junkLines()));
    }

    /**
     * Per-family facts, counted from the files with grep (rows of ifDescr/ifName/ifType;
     * rows of ifHC{In,Out}Octets and if{In,Out}Octets; hrStorageSize > 0; hrProcessorLoad).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // device,                 if,  hc,  32, storage, cpu, ucdLoad, ucdMemory
            "ios_2960x,               146, 136,   0,  0,  0, false, false",
            "brother_hl5370dw,          3,   0,   3,  1,  0, false, false",
            "windows_svr_2019_1809,    24,   0,  24,  3,  4, false, false",
            "linux_icecast,             3,   3,   0,  9,  1, true,  true",
            "snmpsim_linux-full-walk,   2,   2,   2,  8,  2, true,  true",
            "iosxe_c9300,              76,  50,  67,  0,  0, false, false",
            "iosxe_c3850,             174,   0, 138,  0,  0, false, false",
            "junos_ex4600mp,          854,  29,  10, 59,  2, false, false",
            "dell-sonic,               56,  56,   0, 23,  4, true,  false",
            "eltex-mes23xx_mes2324fb, 391, 391, 391,  0,  0, false, false",
            "apc_smx750i,               2,   0,   2,  0,  0, false, false",
            "nxos_n9504-7.0,            0,   0,   0,  0,  0, false, false",
    })
    void deviceFamilies(String device, int ifs, int hc, int c32, int storage, int cpu, boolean ucdLoad, boolean ucdMemory) {
        Inventory inv = discover(device);
        assertEquals(ifs, inv.interfaces().size(), "interfaces");
        assertEquals(hc, inv.interfaces().stream().filter(Inventory.Interface::hcCounters).count(), "HC");
        assertEquals(c32, inv.interfaces().stream().filter(Inventory.Interface::counters32).count(), "32-bit");
        assertEquals(storage, inv.storage().size(), "storage");
        assertEquals(cpu, inv.processors().size(), "processors");
        assertEquals(ucdLoad, inv.ucdLoad(), "ucdLoad");
        assertEquals(ucdMemory, inv.ucdMemory(), "ucdMemory");
    }

    @Test
    void ciscoGigabitPortHasEverything() {
        Inventory inv = discover("ios_2960x");
        Inventory.Interface gi = inv.interfaces().stream().filter(i -> i.index() == 10101).findFirst().orElseThrow();
        assertEquals(new Inventory.Interface(10101, "Gi1/0/1", "GigabitEthernet1/0/1", "** DECT ***", 6,
                100_000_000L, true, false, 1, 1, true), gi);
        assertEquals("1.3.6.1.4.1.9.1.1208", inv.sysObjectId());
        assertTrue(inv.sysDescr().startsWith("Cisco IOS Software, C2960X Software"), inv.sysDescr());
    }

    @Test
    void printerHasOnly32BitCountersAndIfSpeed() {
        Inventory inv = discover("brother_hl5370dw");
        assertEquals(new Inventory.Interface(2, "", "NC-7600w", "", 7, 54_000_000L, false, true, 2, 2, false),
                inv.interfaces().get(1));
        assertEquals(List.of(new Inventory.StorageArea(1, "Random Access Memory", "1.3.6.1.2.1.25.2.1.2", 1, 33554432)),
                inv.storage());
    }

    @Test
    void windowsSkipsTheEmptyDrive() {
        Inventory inv = discover("windows_svr_2019_1809");
        assertEquals(List.of(1, 3, 4), inv.storage().stream().map(Inventory.StorageArea::index).toList());
        assertEquals(new Inventory.StorageArea(1, "C:\\ Label:  Serial Number 10f82425", "1.3.6.1.2.1.25.2.1.4",
                4096, 26056703), inv.storage().get(0));
        assertEquals(List.of(6, 7, 8, 9), inv.processors().stream().map(Inventory.Processor::index).toList());
    }

    /** Regression: JunOS numbers its processor rows from 0, outside RFC 2790's 1..2147483647. */
    @Test
    void junosProcessorRowZeroIsKept() {
        assertEquals(List.of(new Inventory.Processor(0)), discover("junos_vmx").processors());
        assertEquals(List.of(new Inventory.Processor(0), new Inventory.Processor(1)),
                discover("junos_ex4600mp").processors());
    }

    @Test
    void recordingReaderCountsJunk() {
        SnmprecFile windows = SnmprecFile.read("windows_svr_2019_1809");
        assertEquals(18, windows.junkLines(), windows.junk().toString());
        SnmprecFile clean = SnmprecFile.read("ios_2960x");
        assertEquals(0, clean.junkLines(), clean.junk().toString());
        assertTrue(clean.get("1.3.6.1.2.1.2.2.1.3.10101").orElseThrow() instanceof Integer32);
    }

    @AfterAll
    static void printSummary() {
        System.out.printf("%-34s %5s %5s %5s %5s %5s  %-4s %-4s %3s%n", "device", "#if", "hc", "32", "#stor", "#cpu",
                "ucd", "", "junk");
        SUMMARY.stream().sorted().forEach(System.out::println);
    }
}
