package io.mibwatch.poller.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.poller.discovery.Discovery;
import io.mibwatch.poller.discovery.Inventory;
import io.mibwatch.poller.snmprec.SnmprecFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog's acceptance over all recordings: discovery with the metric catalog gives every
 * device with a CPU table a CPU metric, and every device with octet counters traffic and
 * utilisation. Prints a per-recording summary (profile, groups, metrics, thresholds).
 */
class RecordedDevicesCatalogTest {

    private static final List<String> ALL = List.of("system", "interfaces", "cpu", "storage", "ucd");
    private static final List<String> SUMMARY = new ArrayList<>();
    private static final List<String> NO_LINE_RATE = new ArrayList<>();

    // the CPU objects named by the issue: hrProcessorLoad, cpmCPUTotal*, jnxOperatingCPU, fgSysCpuUsage
    private static final List<String> CPU_OIDS = List.of("1.3.6.1.2.1.25.3.3.1.2", "1.3.6.1.4.1.9.9.109.1.1.1.1",
            "1.3.6.1.4.1.2636.3.1.13.1.8", "1.3.6.1.4.1.12356.101.4.1.3");
    private static final Set<String> CPU_METRICS = Set.of("cpu/load", "cisco_cpu/load5min", "cisco_cpu/load1min",
            "jnx_operating/cpu", "fortigate/cpu");
    private static final List<String> OCTET_OIDS = List.of("1.3.6.1.2.1.31.1.1.1.6", "1.3.6.1.2.1.31.1.1.1.10",
            "1.3.6.1.2.1.2.2.1.10", "1.3.6.1.2.1.2.2.1.16");

    static Stream<Path> recordings() {
        return SnmprecFile.recordings().stream();
    }

    static Inventory inventory(SnmprecFile f) {
        return Discovery.discover(f.bindings().stream()
                .filter(vb -> Discovery.WALK_ROOTS.stream().anyMatch(r -> vb.getOid().startsWith(r))).toList());
    }

    private static Set<String> metrics(PollPlan plan) {
        Set<String> out = new LinkedHashSet<>();
        plan.columns().forEach(c -> out.add(c.group() + "/" + c.metric()));
        plan.derived().forEach(d -> out.add(d.group() + "/" + d.metric()));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void cpuTrafficAndUtilisationWhereTheDeviceHasThem(Path path) {
        SnmprecFile f = SnmprecFile.read(path);
        Inventory inv = inventory(f);
        PollPlan plan = PollPlanner.plan(f.device(), inv, ALL);
        Set<String> metrics = metrics(plan);

        boolean hasCpu = CPU_OIDS.stream().anyMatch(o -> !f.subtree(o).isEmpty());
        assertEquals(hasCpu, metrics.stream().anyMatch(CPU_METRICS::contains), f.name() + ": CPU metric; has " + metrics);

        boolean hasOctets = OCTET_OIDS.stream().anyMatch(o -> !f.subtree(o).isEmpty());
        for (String m : List.of("interfaces/inOctets", "interfaces/outOctets")) {
            assertEquals(hasOctets, metrics.contains(m), f.name() + ": " + m);
        }
        // Utilisation needs a line rate: every recording with octet counters gets it, except where
        // no interface but a software loopback reports a speed (virtual NICs at ifHighSpeed 0,
        // e.g. linux_icecast): a loopback's ifSpeed is not a line rate (RFC 2863 3.1.4).
        boolean hasLineRate = inv.interfaces().stream()
                .anyMatch(i -> (i.hcCounters() || i.counters32()) && i.speedBitsPerSecond() > 0 && i.type() != 24);
        for (String m : List.of("interfaces/inUtil", "interfaces/outUtil")) {
            assertEquals(hasOctets && hasLineRate, metrics.contains(m), f.name() + ": " + m);
        }
        if (hasOctets && !hasLineRate) {
            synchronized (NO_LINE_RATE) {
                NO_LINE_RATE.add(f.name());
            }
        }
        // utilisation exactly where the octets are polled and the speed is known
        for (PollPlan.Derived d : plan.derived()) {
            if (d.fromRates()) {
                assertTrue(plan.maxRatePerInstance().get(d.instance()) > 0, f.name() + " " + d);
            }
        }

        MetricCatalog catalog = MetricCatalog.standard();
        long thresholds = metrics.stream().filter(m -> {
            String[] gm = m.split("/");
            return catalog.thresholds().forMetric(gm[0], gm[1]).isPresent();
        }).count();
        List<String> groups = metrics.stream().map(m -> m.substring(0, m.indexOf('/'))).distinct().toList();
        synchronized (SUMMARY) {
            SUMMARY.add(String.format("%-34s %-11s %3d %3d  %s", f.name(), inv.profile(), metrics.size(), thresholds,
                    String.join(",", groups)));
        }
    }

    /** Profiles chosen by sysObjectID (and sysDescr for NX-OS) for representative recordings. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ios_2960x, cisco_ios", "iosxe_c9300, cisco_ios", "asa, cisco_ios", "ftd_3130, cisco_ios",
            "nxos_n3k-3064pq, cisco_nxos", "junos_vmx, junos", "junos_ex4600mp, junos",
            "fortigate_1500d, fortigate", "routeros_rb750gr3, mikrotik", "swos_css326-24g-2s+, mikrotik",
            "linux_icecast, netsnmp", "truenas, netsnmp", "eaton-mgeups_9px, ups", "apc_smx750i, ups",
            "windows_svr_2019_1809, default", "arista_eos, default",
    })
    void profiles(String recording, String profile) {
        assertEquals(profile, inventory(SnmprecFile.read(recording)).profile());
    }

    /** Vendor tables: rows, labels and what the plan polls, from the recordings' own values. */
    @Test
    void vendorTablesAreDiscoveredWithLabels() {
        Inventory ios = inventory(SnmprecFile.read("ios_2960x"));
        Inventory.GroupRows pools = ios.table("cisco_mempool").orElseThrow();
        assertTrue(pools.rows().stream().anyMatch(r -> r.label().equals("Processor")), pools.toString());

        Inventory vmx = inventory(SnmprecFile.read("junos_vmx"));
        Inventory.GroupRows jnx = vmx.table("jnx_operating").orElseThrow();
        assertTrue(jnx.rows().contains(new Inventory.Row("9.1.0.0", "Routing Engine 0", 1.0)), jnx.toString());
        PollPlan plan = PollPlanner.plan("vmx", vmx, ALL);
        assertTrue(plan.getOids().contains(new org.snmp4j.smi.OID("1.3.6.1.4.1.2636.3.1.13.1.8.9.1.0.0")));

        Inventory forti = inventory(SnmprecFile.read("fortigate_1500d"));
        Inventory.GroupRows fg = forti.table("fortigate").orElseThrow();
        assertEquals(List.of(new Inventory.Row("", "", 1.0)), fg.rows());
        assertTrue(fg.metrics().containsAll(Set.of("cpu", "memPct")), fg.metrics().toString());
        assertFalse(fg.metrics().contains("diskUsed"), "the recording has no fgSysDiskUsage");

        Inventory arista = inventory(SnmprecFile.read("arista_eos"));
        Inventory.GroupRows temps = arista.table("entity_temp").orElseThrow();
        assertFalse(temps.rows().isEmpty());
        // entPhySensorType celsius(8) rows only, each labelled with its entPhysicalName
        SnmprecFile af = SnmprecFile.read("arista_eos");
        for (Inventory.Row r : temps.rows()) {
            assertEquals("8", af.get("1.3.6.1.2.1.99.1.1.1.1." + r.index()).orElseThrow().toString(), r.index());
        }
    }

    @AfterAll
    static void printSummary() {
        List<String> lines = new ArrayList<>(SUMMARY);
        lines.sort(null);
        System.out.printf("%n%-34s %-11s %3s %3s  %s%n", "recording", "profile", "#m", "#th", "groups");
        lines.forEach(System.out::println);
        System.out.println("octet counters but no line rate (no utilisation): " + NO_LINE_RATE);
    }
}
