package io.mibwatch.catalog.metric;

import static io.mibwatch.core.series.ValueKind.COUNTER32;
import static io.mibwatch.core.series.ValueKind.COUNTER64;
import static io.mibwatch.core.series.ValueKind.GAUGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.series.ValueKind;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class StandardMetricsTest {

    private static MibText mibs;

    @BeforeAll
    static void loadMibs() throws IOException {
        mibs = MibText.load("SNMPv2-SMI", "SNMPv2-MIB", "IF-MIB", "HOST-RESOURCES-MIB", "UCD-SNMP-MIB",
                "ENTITY-MIB", "ENTITY-SENSOR-MIB", "UPS-MIB",
                "CISCO-SMI", "CISCO-PROCESS-MIB", "CISCO-MEMORY-POOL-MIB", "CISCO-ENVMON-MIB", "CISCO-RTTMON-MIB",
                "JUNIPER-SMI", "JUNIPER-MIB", "MIKROTIK-MIB", "FORTINET-CORE-MIB", "FORTINET-FORTIGATE-MIB");
    }

    static Stream<MetricDef> allMetrics() {
        return StandardMetrics.groups().stream().flatMap(g -> g.metrics().stream());
    }

    @Test
    void groupNamesAreTheOnesTheConfigUses() {
        // the five standard groups first (the ones the config names), then the ones profiles add
        assertEquals(List.of("system", "interfaces", "cpu", "storage", "ucd", "entity_temp", "ups", "ups_output",
                        "cisco_cpu", "cisco_mempool", "cisco_envmon", "cisco_rtt", "jnx_operating", "mikrotik",
                        "fortigate"),
                StandardMetrics.groups().stream().map(MetricGroup::name).toList());
        assertEquals(List.copyOf(StandardMetrics.dsNamesByGroup().keySet()),
                StandardMetrics.groups().stream().map(MetricGroup::name).toList());
        assertTrue(StandardMetrics.group("storage").isPresent());
        assertTrue(StandardMetrics.group("if").isEmpty());
    }

    @Test
    void dsNamesAreUniquePerGroupAndFitRrd() {
        StandardMetrics.dsNamesByGroup().forEach((group, names) -> {
            Set<String> seen = new HashSet<>();
            for (String n : names) {
                assertTrue(seen.add(n), group + ": duplicate DS name " + n);
                assertTrue(n.length() <= 19, group + "/" + n + " longer than 19 characters");
                assertTrue(n.matches("[A-Za-z0-9_]+"), group + "/" + n + " has characters RRD does not allow");
            }
        });
    }

    /** Every label, via and row filter column is the OID its MIB descriptor names. */
    static Stream<ColumnRef> groupColumns() {
        return StandardMetrics.groups().stream().flatMap(g -> Stream.concat(
                g.label().stream().flatMap(l -> Stream.concat(Stream.of(l.column()), l.via().stream())),
                g.rowFilter().stream().map(RowFilter::column)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupColumns")
    void labelAndFilterColumnsAreWhatTheMibSays(ColumnRef c) {
        assertEquals(mibs.oid(c.mib().substring(c.mib().indexOf("::") + 2)), c.oid(), c.mib());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allMetrics")
    void oidIsWhatTheMibSays(MetricDef m) {
        String descriptor = m.mib().substring(m.mib().indexOf("::") + 2);
        String expected = mibs.oid(descriptor);
        String columnOid = m.indexing() == Indexing.FIXED_ROW ? m.oid().substring(0, m.oid().lastIndexOf('.')) : m.oid();
        assertEquals(expected, columnOid, m.group() + "/" + m.name() + " (" + m.mib() + ")");
        if (!m.derived()) {
            assertEquals(kindOfSyntax(mibs.syntax(descriptor)), m.kind(),
                    m.group() + "/" + m.name() + ": SYNTAX " + mibs.syntax(descriptor));
        }
        m.fallback().ifPresent(f -> {
            String fd = f.mib().substring(f.mib().indexOf("::") + 2);
            assertEquals(mibs.oid(fd), f.oid(), "fallback of " + m.name());
            assertEquals(kindOfSyntax(mibs.syntax(fd)), f.kind(), "fallback of " + m.name());
        });
    }

    /** RFC 2578 section 7.1: only Counter32/Counter64 are counters; everything else is a level. */
    private static ValueKind kindOfSyntax(String syntax) {
        return switch (syntax) {
            case "Counter64" -> COUNTER64;
            case "Counter32", "Counter" -> COUNTER32;
            default -> GAUGE;
        };
    }

    @ParameterizedTest(name = "{0}/{1} is {2}")
    @CsvSource({
            "system,     uptime,       GAUGE,     1.3.6.1.2.1.1.3,            SCALAR",
            "interfaces, inOctets,     COUNTER64, 1.3.6.1.2.1.31.1.1.1.6,     COLUMN",
            "interfaces, outOctets,    COUNTER64, 1.3.6.1.2.1.31.1.1.1.10,    COLUMN",
            "interfaces, inUcastPkts,  COUNTER64, 1.3.6.1.2.1.31.1.1.1.7,     COLUMN",
            "interfaces, outUcastPkts, COUNTER64, 1.3.6.1.2.1.31.1.1.1.11,    COLUMN",
            "interfaces, inErrors,     COUNTER32, 1.3.6.1.2.1.2.2.1.14,       COLUMN",
            "interfaces, outDiscards,  COUNTER32, 1.3.6.1.2.1.2.2.1.19,       COLUMN",
            "interfaces, operStatus,   GAUGE,     1.3.6.1.2.1.2.2.1.8,        COLUMN",
            "cpu,        load,         GAUGE,     1.3.6.1.2.1.25.3.3.1.2,     COLUMN",
            "storage,    used,         GAUGE,     1.3.6.1.2.1.25.2.3.1.6,     COLUMN",
            "storage,    size,         GAUGE,     1.3.6.1.2.1.25.2.3.1.5,     COLUMN",
            "ucd,        load15,       GAUGE,     1.3.6.1.4.1.2021.10.1.5.3,  FIXED_ROW",
            "ucd,        memAvailReal, GAUGE,     1.3.6.1.4.1.2021.4.6,       SCALAR",
            "ucd,        cpuRawIdle,   COUNTER32, 1.3.6.1.4.1.2021.11.53,     SCALAR",
            "cisco_cpu,  load5min,     GAUGE,     1.3.6.1.4.1.9.9.109.1.1.1.1.8, COLUMN",
            "cisco_mempool, used,      GAUGE,     1.3.6.1.4.1.9.9.48.1.1.1.5, COLUMN",
            "cisco_envmon, temperature, GAUGE,    1.3.6.1.4.1.9.9.13.1.3.1.3, COLUMN",
            "cisco_rtt,  rtt,          GAUGE,     1.3.6.1.4.1.9.9.42.1.2.10.1.1, COLUMN",
            "cisco_rtt,  jitter,       GAUGE,     1.3.6.1.4.1.9.9.42.1.5.2.1.46, COLUMN",
            "jnx_operating, cpu,       GAUGE,     1.3.6.1.4.1.2636.3.1.13.1.8, COLUMN",
            "fortigate,  cpu,          GAUGE,     1.3.6.1.4.1.12356.101.4.1.3, SCALAR",
            "mikrotik,   temperature,  GAUGE,     1.3.6.1.4.1.14988.1.1.3.10, SCALAR",
            "entity_temp, temperature, GAUGE,     1.3.6.1.2.1.99.1.1.1.4,     COLUMN",
            "ups,        chargePct,    GAUGE,     1.3.6.1.2.1.33.1.2.4,       SCALAR",
            "ups_output, loadPct,      GAUGE,     1.3.6.1.2.1.33.1.4.4.1.5,   COLUMN",
    })
    void knownColumns(String group, String name, ValueKind kind, String oid, Indexing indexing) {
        MetricDef m = StandardMetrics.group(group).orElseThrow().metric(name).orElseThrow();
        assertEquals(kind, m.kind());
        assertEquals(oid, m.oid());
        assertEquals(indexing, m.indexing());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"inOctets, 1.3.6.1.2.1.2.2.1.10", "outOctets, 1.3.6.1.2.1.2.2.1.16",
            "inUcastPkts, 1.3.6.1.2.1.2.2.1.11", "outUcastPkts, 1.3.6.1.2.1.2.2.1.17"})
    void hcCountersFallBackTo32BitColumns(String name, String oid32) {
        Fallback f = StandardMetrics.group("interfaces").orElseThrow().metric(name).orElseThrow().fallback().orElseThrow();
        assertEquals(oid32, f.oid());
        assertEquals(COUNTER32, f.kind());
    }

    static Stream<Arguments> conversions() {
        return Stream.of(
                Arguments.of("system", "uptime", new Conversion.Factor(0.01)),
                Arguments.of("ucd", "load1", new Conversion.Factor(0.01)),
                Arguments.of("ucd", "memTotalReal", new Conversion.Factor(1024)),
                Arguments.of("storage", "used", new Conversion.ByAllocationUnits()),
                Arguments.of("storage", "usedPct", new Conversion.PercentOf("used", "size")),
                Arguments.of("interfaces", "inOctets", Conversion.IDENTITY),
                Arguments.of("interfaces", "inUtil", new Conversion.Utilisation("inOctets")),
                Arguments.of("interfaces", "outUtil", new Conversion.Utilisation("outOctets")),
                Arguments.of("ucd", "memUsedPct", new Conversion.PercentNotFree("memAvailReal", "memTotalReal")),
                Arguments.of("cisco_mempool", "usedPct", new Conversion.PercentOfSum("used", "free")),
                Arguments.of("entity_temp", "temperature", new Conversion.BySensorScale()),
                Arguments.of("cisco_rtt", "mos", new Conversion.Factor(0.01)),
                Arguments.of("cisco_rtt", "rValue", new Conversion.VoiceScore(Conversion.VoiceScore.Score.R,
                        "rttSum", "rttCount", "jitter", "lossSD", "lossDS", "codec")),
                Arguments.of("cisco_rtt", "mosCalc", new Conversion.VoiceScore(Conversion.VoiceScore.Score.MOS,
                        "rttSum", "rttCount", "jitter", "lossSD", "lossDS", "codec")),
                Arguments.of("cisco_rtt", "icpifCalc", new Conversion.VoiceScore(Conversion.VoiceScore.Score.ICPIF,
                        "rttSum", "rttCount", "jitter", "lossSD", "lossDS", "codec")),
                Arguments.of("mikrotik", "voltage", new Conversion.Factor(0.1)),
                Arguments.of("fortigate", "diskPct", new Conversion.PercentOf("diskUsed", "diskSize")));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("conversions")
    void conversions(String group, String name, Conversion expected) {
        assertEquals(expected, StandardMetrics.group(group).orElseThrow().metric(name).orElseThrow().conversion());
    }

    @Test
    void derivedMetricsReferToMetricsOfTheirGroup() {
        for (MetricGroup g : StandardMetrics.groups()) {
            for (MetricDef m : g.metrics()) {
                for (String input : m.conversion().inputs()) {
                    MetricDef in = g.metric(input).orElseThrow(() -> new AssertionError(m.name() + " input " + input));
                    assertFalse(in.derived(), m.name() + " input " + input);
                }
                if (m.derived()) {
                    // a derived metric names (oid, mib) its first input
                    MetricDef first = g.metric(m.conversion().inputs().get(0)).orElseThrow();
                    assertEquals(first.oid(), m.oid(), m.name());
                    assertEquals(first.mib(), m.mib(), m.name());
                    assertEquals(GAUGE, m.kind(), m.name());
                }
            }
        }
    }
}
