package io.mibwatch.catalog.metric;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.series.ValueKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricDefTest {

    private static MetricDef gauge(String name, String oid) {
        return MetricDef.of("g", name, oid, ValueKind.GAUGE, "x", "M::x", "ref", Indexing.COLUMN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".1.3.6", "1.3.6.", "1..3", "1.3.x.1", "3.1", "1", "1.3.6.1.4294967296", "1.03"})
    void rejectsMalformedOids(String oid) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gauge("ok", oid));
        assertTrue(e.getMessage().contains("g/ok") && e.getMessage().contains("'" + oid + "'"), e.getMessage());
    }

    @Test
    void acceptsTheLargestSubIdentifier() {
        gauge("ok", "1.3.6.1.4294967295");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "twentyCharactersLong", "in-octets", "in octets"})
    void rejectsNamesRrdCannotStore(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gauge(name, "1.3.6.1"));
        assertTrue(e.getMessage().contains("g/" + name), e.getMessage());
    }

    @Test
    void nineteenCharactersFit() {
        gauge("nineteenCharsLong_x", "1.3.6.1");
    }

    @Test
    void countersAreNotConverted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MetricDef("g", "c",
                "1.3.6.1", ValueKind.COUNTER32, "x", "M::c", "ref", Indexing.COLUMN, Optional.empty(),
                new Conversion.Factor(8)));
        assertTrue(e.getMessage().contains("g/c"), e.getMessage());
    }

    @Test
    void onlyCountersHaveAFallback() {
        assertThrows(IllegalArgumentException.class, () -> new MetricDef("g", "c", "1.3.6.1", ValueKind.GAUGE, "x",
                "M::c", "ref", Indexing.COLUMN, Optional.of(new Fallback("1.3.6.2", ValueKind.COUNTER32, "M::d")),
                Conversion.IDENTITY));
    }

    @Test
    void groupRejectsDuplicateNamesAndForeignMetrics() {
        assertThrows(IllegalArgumentException.class,
                () -> new MetricGroup("g", "d", java.util.List.of(gauge("a", "1.3.6.1"), gauge("a", "1.3.6.2"))));
        assertThrows(IllegalArgumentException.class,
                () -> new MetricGroup("h", "d", java.util.List.of(gauge("a", "1.3.6.1"))));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void factorMustBePositive(double f) {
        assertThrows(IllegalArgumentException.class, () -> new Conversion.Factor(f));
    }
}
