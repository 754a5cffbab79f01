package io.mibwatch.catalog.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.catalog.metric.MetricCatalog;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceThresholdsTest {

    private static OptionalDouble opt(String s) {
        return s == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(s));
    }

    /** The stock values of common practice, as the shipped catalog holds them. */
    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
            "interfaces,    inUtil,    80,  90,  HIGH, 75,  300",
            "interfaces,    outUtil,   80,  90,  HIGH, 75,  300",
            "interfaces,    inErrors,  1,   ,    HIGH, ,    300",
            "interfaces,    outDiscards, 1, ,    HIGH, ,    300",
            "storage,       usedPct,   90,  95,  HIGH, 85,  0",
            "ucd,           memUsedPct, 90, 95,  HIGH, 85,  300",
            "cpu,           load,      80,  90,  HIGH, 75,  300",
            "cisco_cpu,     load5min,  80,  90,  HIGH, 75,  0",
            "cisco_mempool, usedPct,   90,  95,  HIGH, 85,  300",
            "jnx_operating, cpu,       80,  90,  HIGH, 75,  300",
            "fortigate,     cpu,       80,  90,  HIGH, 75,  300",
            "fortigate,     memPct,    88,  95,  HIGH, 82,  0",
            "ups,           chargePct, 50,  25,  LOW,  60,  0",
            "ups,           batteryStatus, 3, 4, HIGH, ,    0",
            "cisco_rtt,     mos,       3.6, 3.1, LOW,  ,    0",
    })
    void shippedReferences(String group, String metric, String warning, String critical, Direction direction,
                           String rearm, long seconds) {
        Reference r = MetricCatalog.standard().thresholds().forMetric(group, metric).orElseThrow();
        assertEquals(opt(warning), r.warning());
        assertEquals(opt(critical), r.critical());
        assertEquals(direction, r.direction());
        assertEquals(opt(rearm), r.rearm());
        assertEquals(Duration.ofSeconds(seconds), r.duration());
        assertTrue(!r.source().isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "high, warning above critical | 95 | 90 | HIGH | 85 | warning (95) must be below critical (90)",
            "low, warning below critical  | 20 | 30 | LOW  | 40 | warning (20) must be above critical (30)",
            "high, rearm above warning    | 80 | 90 | HIGH | 85 | rearm (85) must be below the first level (80)",
            "low, rearm below warning     | 50 | 25 | LOW  | 45 | rearm (45) must be above the first level (50)",
    })
    void rejectsInconsistentLevels(String what, double w, double c, Direction d, double rearm, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Reference("g", "m",
                OptionalDouble.of(w), OptionalDouble.of(c), d, OptionalDouble.of(rearm), Duration.ZERO, "src"));
        assertTrue(e.getMessage().contains("g/m") && e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "source ''{0}''")
    @CsvSource({"''", "'  '"})
    void sourceIsMandatory(String source) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Reference("g", "m",
                OptionalDouble.of(1), OptionalDouble.empty(), Direction.HIGH, OptionalDouble.empty(), Duration.ZERO, source));
        assertTrue(e.getMessage().contains("source is mandatory"), e.getMessage());
    }

    @ParameterizedTest(name = "duplicate")
    @CsvSource({"g,m"})
    void oneReferencePerMetric(String g, String m) {
        Reference r = new Reference(g, m, OptionalDouble.of(1), OptionalDouble.empty(), Direction.HIGH,
                OptionalDouble.empty(), Duration.ZERO, "src");
        assertThrows(IllegalArgumentException.class, () -> new ReferenceThresholds(List.of(r, r)));
    }
}
