package io.mibwatch.poller.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.series.ValueKind;
import io.mibwatch.poller.discovery.Discovery;
import io.mibwatch.poller.discovery.Inventory;
import io.mibwatch.poller.snmprec.SnmprecFile;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.smi.OID;

class PollPlannerTest {

    static final List<String> ALL = List.of("system", "interfaces", "cpu", "storage", "ucd");

    static Inventory inventory(SnmprecFile f) {
        return Discovery.discover(f.bindings().stream()
                .filter(vb -> Discovery.WALK_ROOTS.stream().anyMatch(r -> vb.getOid().startsWith(r))).toList());
    }

    static PollPlan planFor(String recording, List<String> groups) {
        SnmprecFile f = SnmprecFile.read(recording);
        return PollPlanner.plan(f.device(), inventory(f), groups);
    }

    static Optional<PollPlan.Column> column(PollPlan plan, String group, String instance, String metric) {
        return plan.columns().stream()
                .filter(c -> c.group().equals(group) && c.instance().equals(instance) && c.metric().equals(metric))
                .findFirst();
    }

    /** HC where the agent has it for that interface, else 32-bit, else nothing; counted from the files. */
    @ParameterizedTest(name = "{0} if {1} {2}")
    @CsvSource({
            "ios_2960x,        10101, inOctets,  1.3.6.1.2.1.31.1.1.1.6.10101,  COUNTER64",
            "ios_2960x,        10101, outOctets, 1.3.6.1.2.1.31.1.1.1.10.10101, COUNTER64",
            "ios_2960x,        10101, inUcastPkts, 1.3.6.1.2.1.31.1.1.1.7.10101, COUNTER64",
            "ios_2960x,        10101, inErrors,  1.3.6.1.2.1.2.2.1.14.10101,    COUNTER32",
            "ios_2960x,        10101, operStatus, 1.3.6.1.2.1.2.2.1.8.10101,    GAUGE",
            "brother_hl5370dw, 1,     inOctets,  1.3.6.1.2.1.2.2.1.10.1,        COUNTER32",
            "brother_hl5370dw, 1,     outUcastPkts, 1.3.6.1.2.1.2.2.1.17.1,     COUNTER32",
            "windows_svr_2019_1809, 1, outOctets, 1.3.6.1.2.1.2.2.1.16.1,       COUNTER32",
            "snmpsim_linux-full-walk, 2, inOctets, 1.3.6.1.2.1.31.1.1.1.6.2,    COUNTER64",
    })
    void counterWidthPerInterface(String recording, String instance, String metric, String oid, ValueKind kind) {
        PollPlan plan = planFor(recording, ALL);
        PollPlan.Column c = column(plan, "interfaces", instance, metric).orElseThrow();
        assertEquals(new OID(oid), c.oid());
        assertEquals(kind, c.kind());
        assertTrue(plan.getOids().contains(new OID(oid)));
    }

    static Stream<Path> recordings() {
        return SnmprecFile.recordings().stream();
    }

    /** On every recording: the octet column chosen exists in the walk (HC preferred), sysUpTime.0 first, no duplicates. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void planUsesColumnsTheAgentHas(Path path) {
        SnmprecFile f = SnmprecFile.read(path);
        Inventory inv = inventory(f);
        PollPlan plan = PollPlanner.plan(f.device(), inv, ALL);
        assertEquals(PollPlan.SYS_UP_TIME, plan.getOids().get(0));
        assertEquals(plan.getOids().size(), new HashSet<>(plan.getOids()).size());
        for (Inventory.Interface i : inv.interfaces()) {
            String idx = Integer.toString(i.index());
            for (String metric : List.of("inOctets", "outOctets")) {
                Optional<PollPlan.Column> c = column(plan, "interfaces", idx, metric);
                if (i.hcCounters()) {
                    assertTrue(c.orElseThrow().oid().toDottedString().startsWith("1.3.6.1.2.1.31.1.1.1."), f.name() + " " + idx);
                    assertEquals(ValueKind.COUNTER64, c.get().kind());
                } else if (i.counters32()) {
                    assertTrue(c.orElseThrow().oid().toDottedString().startsWith("1.3.6.1.2.1.2.2.1."), f.name() + " " + idx);
                    assertEquals(ValueKind.COUNTER32, c.get().kind());
                } else {
                    assertTrue(c.isEmpty(), f.name() + " " + idx + " has no octet counters but " + c);
                }
            }
            // at least one of in/out octets column is recorded in the file for the chosen width
            if (i.hcCounters() || i.counters32()) {
                assertTrue(Stream.of("inOctets", "outOctets").map(m -> column(plan, "interfaces", idx, m).orElseThrow())
                        .anyMatch(c -> f.get(c.oid().toDottedString()).isPresent()), f.name() + " " + idx);
            }
            // line rate in octets/s; none when unknown or for software loopbacks (no line rate)
            assertEquals(i.speedBitsPerSecond() > 0 && i.type() != 24
                            ? Optional.of(i.speedBitsPerSecond() / 8.0) : Optional.empty(),
                    Optional.ofNullable(plan.maxRatePerInstance().get(idx)));
        }
        assertEquals(inv.processors().size(), plan.columns().stream().filter(c -> c.group().equals("cpu")).count());
        assertEquals(inv.storage().size() * 2L, plan.columns().stream().filter(c -> c.group().equals("storage")).count());
        assertEquals(inv.storage().size(), plan.derived().stream().filter(d -> d.group().equals("storage")).count());
        // utilisation for every interface with octet counters and a known line rate (software
        // loopbacks have none, whatever ifSpeed says), nothing else
        assertEquals(inv.interfaces().stream().filter(i -> (i.hcCounters() || i.counters32()) && i.speedBitsPerSecond() > 0
                                && i.type() != 24)
                        .count() * 2,
                plan.derived().stream().filter(d -> d.group().equals("interfaces")).count(), f.name());
    }

    @Test
    void onlyEnabledGroupsArePolled() {
        PollPlan plan = planFor("windows_svr_2019_1809", List.of("cpu"));
        assertEquals(List.of(new OID("1.3.6.1.2.1.1.3.0"), new OID("1.3.6.1.2.1.25.3.3.1.2.6"),
                new OID("1.3.6.1.2.1.25.3.3.1.2.7"), new OID("1.3.6.1.2.1.25.3.3.1.2.8"),
                new OID("1.3.6.1.2.1.25.3.3.1.2.9")), plan.getOids());
        assertTrue(plan.maxRatePerInstance().isEmpty());
    }

    @Test
    void storageIsScaledByAllocationUnitsAndDerivesPercent() {
        PollPlan plan = planFor("windows_svr_2019_1809", List.of("storage"));
        PollPlan.Column used = column(plan, "storage", "1", "used").orElseThrow();
        assertEquals(new PollPlan.Column(new OID("1.3.6.1.2.1.25.2.3.1.6.1"), "storage", "1", "used", ValueKind.GAUGE, 4096),
                used);
        assertEquals(65536, column(plan, "storage", "3", "size").orElseThrow().factor());
        assertTrue(plan.derived().contains(new PollPlan.Derived("storage", "1", "usedPct", "used", "size")));
        assertTrue(column(plan, "storage", "2", "used").isEmpty(), "D: has size 0");
    }

    @Test
    void ucdMetricsOnlyWhereTheAgentHasThem() {
        PollPlan linux = planFor("linux_icecast", List.of("ucd", "system"));
        Set<String> metrics = new HashSet<>(linux.columns().stream().map(PollPlan.Column::metric).toList());
        assertEquals(Set.of("uptime", "load1", "load5", "load15", "memTotalReal", "memAvailReal", "memBuffer",
                "memCached", "cpuRawUser", "cpuRawSystem", "cpuRawIdle"), metrics);
        assertEquals(new PollPlan.Column(new OID("1.3.6.1.4.1.2021.10.1.5.2"), "ucd", "", "load5", ValueKind.GAUGE, 0.01),
                column(linux, "ucd", "", "load5").orElseThrow());
        assertEquals(new OID("1.3.6.1.4.1.2021.4.5.0"), column(linux, "ucd", "", "memTotalReal").orElseThrow().oid());

        PollPlan sonic = planFor("dell-sonic", List.of("ucd"));
        assertEquals(Set.of("load1", "load5", "load15", "cpuRawUser", "cpuRawSystem", "cpuRawIdle"),
                new HashSet<>(sonic.columns().stream().filter(c -> c.group().equals("ucd"))
                        .map(PollPlan.Column::metric).toList()));

        // IOS has no UCD-SNMP-MIB; its profile's Cisco groups are polled whatever the config lists
        PollPlan ios = planFor("ios_2960x", List.of("ucd"));
        assertTrue(ios.columns().stream().noneMatch(c -> c.group().equals("ucd")));
        assertEquals(Set.of("cisco_cpu", "cisco_mempool", "cisco_envmon"),
                new HashSet<>(ios.columns().stream().map(PollPlan.Column::group).toList()));
    }

    @Test
    void discontinuityTimeIsPolledWhereItExists() {
        PollPlan plan = planFor("ios_2960x", List.of("interfaces"));
        assertTrue(plan.discontinuities().contains(
                new PollPlan.Discontinuity(new OID("1.3.6.1.2.1.31.1.1.1.19.10101"), "10101")));
        assertTrue(plan.getOids().contains(new OID("1.3.6.1.2.1.31.1.1.1.19.10101")));
        assertFalse(planFor("brother_hl5370dw", List.of("interfaces")).getOids().stream()
                .anyMatch(o -> o.toDottedString().startsWith("1.3.6.1.2.1.31.1.1.1.19.")));
    }

    @Test
    void unknownGroupIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PollPlanner.plan("core1", inventory(SnmprecFile.read("brother_hl5370dw")), List.of("if")));
        assertTrue(e.getMessage().contains("core1") && e.getMessage().contains("'if'")
                && e.getMessage().contains("interfaces"), e.getMessage());
    }

    @Test
    void countersAreNeverScaled() {
        assertThrows(IllegalArgumentException.class,
                () -> new PollPlan.Column(new OID("1.3.6.1"), "g", "", "m", ValueKind.COUNTER32, 8));
    }
}
