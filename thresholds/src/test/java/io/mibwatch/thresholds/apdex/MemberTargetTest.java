package io.mibwatch.thresholds.apdex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mibwatch.config.ServicesConfig;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.rule.MetricUnits;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MemberTargetTest {

    private static final MetricUnits UNITS = (g, m) -> Optional.ofNullable(
            Map.of("rtt/ms", "ms", "rtt/sec", "s", "if/errs", "packets").get(g + "/" + m));

    static Stream<Arguments> conversions() {
        return Stream.of(
                Arguments.of("rtt/1/ms", 150, "ms", 150.0),
                Arguments.of("rtt/1/ms", 0.2, "s", 200.0),
                Arguments.of("rtt/1/ms", 800, "us", 0.8),
                Arguments.of("rtt/1/sec", 150, "ms", 0.15),
                Arguments.of("if/1/errs", 5, null, 5.0),       // plain number: the metric's unit
                Arguments.of("nope/1/x", 7, null, 7.0));
    }

    @ParameterizedTest
    @MethodSource("conversions")
    void convertsTimeTargetsToTheMetricsUnit(String series, double value, String unit, double expected) {
        ServicesConfig.Member m = new ServicesConfig.Member("r1", series,
                new ServicesConfig.Target(value, Optional.ofNullable(unit)), true);
        MemberTarget t = MemberTarget.of(m, UNITS, "services[0].members[0]");
        assertEquals(SeriesId.parse("r1", series), t.series());
        assertEquals(expected, t.target().t(), 1e-12);
    }

    @Test
    void timeTargetOnANonTimeMetricNamesTheMember() {
        ServicesConfig.Member m = new ServicesConfig.Member("r1", "if/1/errs",
                new ServicesConfig.Target(5, Optional.of("ms")), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemberTarget.of(m, UNITS, "services[0].members[2]"));
        assertEquals("services[0].members[2].t: 5ms: a time target, but if/errs is measured in 'packets'; "
                + "give a plain number in the metric's unit", e.getMessage());
    }
}
