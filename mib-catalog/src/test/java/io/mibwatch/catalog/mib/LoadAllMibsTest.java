package io.mibwatch.catalog.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads the 239 shared MIBs and checks the quirks listed in snmpdata/README.md are handled as designed. */
class LoadAllMibsTest {

    private static MibSet set;

    @BeforeAll
    static void load() {
        Runtime rt = Runtime.getRuntime();
        rt.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        set = MibLoader.load(List.of(SnmpData.mibDir()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        rt.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        System.out.printf("load: %d modules, %d nodes, %d problems in %d ms; retained heap %.1f MB%n",
                set.modules().size(), set.tree().size(), set.problems().size(), ms,
                (heapAfter - heapBefore) / 1e6);
        set.problems().forEach(p -> System.out.println("  problem: " + p));
    }

    @Test
    void everyFileYieldsItsModule() {
        assertEquals(239, set.modules().size());
    }

    @Test
    void unresolvableImportsAreReportedPerModule() {
        Map<String, List<String>> missing = set.modules().stream()
                .filter(m -> !m.missingImports().isEmpty())
                .collect(Collectors.toMap(MibModule::name, MibModule::missingImports));
        assertEquals(Map.of(
                "BFD-STD-MIB", List.of("BFD-TC-STD-MIB", "IANA-BFD-TC-STD-MIB"),
                "GBOND-MIB", List.of("IANA-GBOND-TC-MIB"),
                "DNS-SERVER-MIB", List.of("RFC-1213")), missing);
    }

    @Test
    void moduleWithMissingImportStillLoadsItsNodes() {
        MibNode n = set.tree().find("BFD-STD-MIB::bfdSessState").orElseThrow();
        assertEquals("1.3.6.1.2.1.222.1.2.1.11", n.oid().toString());
        assertEquals(NodeKind.OBJECT_TYPE, n.kind());
    }

    @Test
    void zeroDotZeroInDefvalWithoutImportIsNoProblem() {
        // DLSW-MIB uses zeroDotZero only in DEFVAL, which names no node; net-snmp accepts it silently too
        assertEquals("ok", module("DLSW-MIB").status());
    }

    @Test
    void commentClosedByDashesAndReopenedIsNoProblem() {
        // INTEGRATED-SERVICES-MIB line 87: '-- DISPLAY-HINT "d" ---- illegal for OCTET STRING.'
        assertEquals("ok", module("INTEGRATED-SERVICES-MIB").status(), set.problems().toString());
    }

    private static MibModule module(String name) {
        return set.modules().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void cleanStandardModulesHaveNoProblems() {
        for (String name : Set.of("IF-MIB", "SNMPv2-MIB", "HOST-RESOURCES-MIB", "RFC1213-MIB", "RFC-1212",
                "CISCO-PROCESS-MIB", "UCD-SNMP-MIB")) {
            MibModule m = module(name);
            assertEquals("ok", m.status(), name + ": " + set.problems());
        }
    }

    @Test
    void sppiModuleLoads() {
        assertTrue(set.tree().find("CISCO-QOS-PIB-MIB::ciscoQosPIBMIB").isPresent());
    }

    @Test
    void ifHcInOctetsHasItsFacts() {
        MibNode n = set.tree().find("IF-MIB::ifHCInOctets").orElseThrow();
        assertEquals("1.3.6.1.2.1.31.1.1.1.6", n.oid().toString());
        assertEquals("Counter64", n.syntax().base());
        assertEquals("read-only", n.access());
        assertEquals("current", n.status());
        MibNode entry = set.tree().find("IF-MIB::ifXEntry").orElseThrow();
        assertEquals("ifEntry", entry.augments());
        MibNode ifEntry = set.tree().find("IF-MIB::ifEntry").orElseThrow();
        assertEquals(List.of(new IndexPart("ifIndex", false)), ifEntry.index());
    }

    @Test
    void textualConventionsResolveToHintsAndEnums() {
        MibNode phys = set.tree().find("IF-MIB::ifPhysAddress").orElseThrow();
        assertEquals("PhysAddress", phys.syntax().tc());
        assertEquals("OCTET STRING", phys.syntax().base());
        assertEquals("1x:", phys.displayHint());
        MibNode oper = set.tree().find("IF-MIB::ifOperStatus").orElseThrow();
        assertEquals("up", oper.syntax().nameOf(1));
        assertEquals("lowerLayerDown", oper.syntax().nameOf(7));
        MibNode date = set.tree().find("HOST-RESOURCES-MIB::hrSystemDate").orElseThrow();
        assertEquals("2d-1d-1d,1d:1d:1d.1d,1a1d:1d", date.displayHint());
        MibNode type = set.tree().find("IF-MIB::ifType").orElseThrow();
        assertEquals("IANAifType", type.syntax().tc());
        assertEquals("ethernetCsmacd", type.syntax().nameOf(6));
    }

    @Test
    void smiV1TrapsSitUnderEnterpriseZero() {
        MibNode n = set.tree().find("FCMGMT-MIB::connUnitStatusChange").orElseThrow();
        assertEquals(NodeKind.TRAP_TYPE, n.kind());
        assertEquals("1.3.6.1.3.94.0.1", n.oid().toString());
    }
}
