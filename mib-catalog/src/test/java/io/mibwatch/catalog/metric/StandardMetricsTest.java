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
        mibs = MibText.load("SNMPv2-SMI", "SNMPv2-MIB", "IF-MIB", "HOST-RESOURCES-MIB", "UCD-SNMP-MIB");
    }

    static Stream<MetricDef> allMetrics() {
        return StandardMetrics.groups().stream().flatMap(g -> g.metrics().stream());
    }

    @Test
    void groupNamesAreTheOnesTheConfigUses() {
        assertEquals(List.of("system", "interfaces", "cpu", "storage", "ucd"),
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
                Arguments.of("interfaces", "inOctets", Conversion.IDENTITY));
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
                if (m.conversion() instanceof Conversion.PercentOf p) {
                    assertTrue(g.metric(p.numerator()).isPresent(), m.name() + " numerator");
                    assertTrue(g.metric(p.denominator()).isPresent(), m.name() + " denominator");
                    assertFalse(g.metric(p.numerator()).orElseThrow().derived());
                }
            }
        }
    }
}
