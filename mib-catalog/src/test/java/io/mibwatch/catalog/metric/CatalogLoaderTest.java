package io.mibwatch.catalog.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.catalog.threshold.Direction;
import io.mibwatch.catalog.threshold.Reference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogLoaderTest {

    private static final CatalogLoader.Source PROFILES = new CatalogLoader.Source("profiles.yaml",
            "profiles:\n  - {name: default, description: d, groups: [g]}\n");

    private static final String GOOD = """
            groups:
              - name: g
                description: test group
                metrics:
                  - {name: used, mib: M::used, oid: 1.3.6.1.4.1.1.1, kind: gauge, unit: bytes, indexing: column, reference: r}
                  - {name: size, mib: M::size, oid: 1.3.6.1.4.1.1.2, kind: gauge, unit: bytes, indexing: column, reference: r}
                  - name: pct
                    kind: derived
                    unit: "%"
                    reference: r
                    derive: {percentOf: [used, size]}
                    threshold: &t {warning: 90, critical: 95, direction: high, rearm: 85, duration: 5m, source: "a guide"}
            """;

    private static MetricCatalog load(String groups) {
        return CatalogLoader.load(List.of(new CatalogLoader.Source("g.yaml", groups)), PROFILES);
    }

    @Test
    void loadsMetricsDerivedValuesAndThresholds() {
        MetricCatalog c = load(GOOD);
        MetricDef pct = c.group("g").orElseThrow().metric("pct").orElseThrow();
        assertEquals(new Conversion.PercentOf("used", "size"), pct.conversion());
        assertEquals("1.3.6.1.4.1.1.1", pct.oid(), "a derived metric names its first input");
        Reference r = c.thresholds().forMetric("g", "pct").orElseThrow();
        assertEquals(Direction.HIGH, r.direction());
        assertEquals(90, r.warning().getAsDouble());
        assertEquals(85, r.rearm().getAsDouble());
        assertEquals(Duration.ofMinutes(5), r.duration());
        assertEquals("a guide", r.source());
        assertTrue(c.thresholds().forMetric("g", "used").isEmpty());
        assertEquals("default", c.profiles().match("1.3.6.1.4.1.9.1.1", "x").name());
    }

    @Test
    void thresholdDurationsTakeTheOneDurationGrammar() {
        MetricCatalog c = load(GOOD.replace("duration: 5m", "duration: 1h30m"));
        assertEquals(Duration.ofMinutes(90), c.thresholds().forMetric("g", "pct").orElseThrow().duration());
    }

    /** All problems at once, each with file, key path and value. */
    @Test
    void reportsEveryProblemWithFileKeyPathAndValue() {
        String bad = GOOD.replace("oid: 1.3.6.1.4.1.1.2", "oid: 1.3.x")
                .replace("kind: gauge, unit: bytes, indexing: column, reference: r}\n      - {name: size",
                        "kind: gauge, unit: bytes, indexing: colum, reference: r}\n      - {name: size")
                .replace("warning: 90, critical: 95", "warning: 96, critical: 95")
                .replace("source: \"a guide\"", "source: \" \"");
        CatalogException e = assertThrows(CatalogException.class, () -> load(bad));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("g.yaml: groups[0].metrics[0].indexing: must be scalar, column or fixedRow (value: 'colum')"), all);
        assertTrue(all.contains("g.yaml: groups[0].metrics[1]: metric g/size: OID '1.3.x'"), all);
        assertTrue(all.contains("g.yaml: groups[0].metrics[2].threshold: high is bad, so warning (96) must be below critical (95)"), all);
        assertTrue(all.contains("g.yaml: groups[0].metrics[2].threshold: source is mandatory"), all);
        assertEquals(4, e.problems().size(), all);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key        | 'reference: r}'                  | 'reference: r, colour: red}'   | groups[0].metrics[0].colour: unknown key",
            "bad kind           | 'kind: gauge, unit: bytes, indexing: column, reference: r}\n      - {name: size' | 'kind: gauge32, unit: bytes, indexing: column, reference: r}\n      - {name: size' | groups[0].metrics[0].kind: must be counter32, counter64, gauge or derived (value: 'gauge32')",
            "unknown input      | 'percentOf: [used, size]'         | 'percentOf: [used, total]'     | groups[0].metrics[2].derive: input 'total' is not a polled metric of group g",
            "voice short list   | 'percentOf: [used, size]'         | 'voiceMos: [used, size]'       | groups[0].metrics[2].derive.voiceMos: must be a list of six metric names: rttSum, rttCount, jitter, lossSD, lossDS, codec",
            "voice bad name     | 'percentOf: [used, size]'         | 'voiceR: [used, size, used, size, used, 7]' | groups[0].metrics[2].derive.voiceR[5]: must be a metric name",
            "low without order  | 'direction: high'                 | 'direction: low'               | groups[0].metrics[2].threshold: low is bad, so warning (90) must be above critical (95)",
            "bad duration       | 'duration: 5m'                    | 'duration: five'               | groups[0].metrics[2].threshold.duration: must be a duration, e.g. 500ms, 90s, 5m, 1h30m, 2d, 1w (value: 'five')",
            "ISO-8601 duration  | 'duration: 5m'                    | 'duration: PT5M'               | groups[0].metrics[2].threshold.duration: must be a duration, e.g. 500ms, 90s, 5m, 1h30m, 2d, 1w (value: 'PT5M')",
            "duplicate group key| 'description: test group'        | 'description: a\n    description: b' | not valid YAML",
            "standard not a flag| 'description: test group'        | 'description: test group\n    standard: always' | groups[0].standard: must be true or false (value: 'always')",
    })
    void namesTheProblem(String what, String from, String to, String expected) {
        String text = GOOD.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        CatalogException e = assertThrows(CatalogException.class, () -> load(text), what);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theGroupsSayWhichAreStandard() {
        assertEquals(List.of(), load(GOOD).standardGroups(), "a group is not standard unless it says so");
        MetricCatalog c = load(GOOD.replace("description: test group", "description: test group\n    standard: true"));
        assertEquals(List.of("g"), c.standardGroups());
        assertTrue(c.group("g").orElseThrow().standard());
        // the groups mibwatch.yaml's metrics: can name, polled on every device by default
        assertEquals(List.of("system", "interfaces", "cpu", "storage", "ucd"), MetricCatalog.standard().standardGroups());
    }

    @Test
    void profilesNameOnlyKnownGroupsAndNeedADefault() {
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(
                List.of(new CatalogLoader.Source("g.yaml", GOOD)), new CatalogLoader.Source("p.yaml", """
                        profiles:
                          - {name: cisco, description: c, sysObjectId: [1.3.6.1.4.1.9], groups: [g, cisco_cpu]}
                          - {name: bad, description: b, sysObjectId: [1.3.6.1.4.1.x], sysDescr: "(", groups: [g]}
                        """)));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("p.yaml: profiles[0].groups[1]: unknown metric group (known: g) (value: 'cisco_cpu')"), all);
        assertTrue(all.contains("p.yaml: profiles[1].sysObjectId[0]: not a dotted OID (value: '1.3.6.1.4.1.x')"), all);
        assertTrue(all.contains("p.yaml: profiles[1].sysDescr: not a regular expression"), all);
        assertTrue(all.contains("p.yaml: profiles: needs a profile named 'default'"), all);
    }

    @Test
    void theShippedCatalogLoads() {
        MetricCatalog c = MetricCatalog.standard();
        // every reference names a metric of the catalog and cites a source
        for (Reference r : c.thresholds().all()) {
            assertTrue(c.group(r.group()).flatMap(g -> g.metric(r.metric())).isPresent(), r.toString());
            assertTrue(r.source().length() > 15, r.toString());
        }
        assertTrue(c.thresholds().all().size() >= 15, "thresholds: " + c.thresholds().all().size());
    }
}
