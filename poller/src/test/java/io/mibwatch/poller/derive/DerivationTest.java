package io.mibwatch.poller.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.catalog.metric.Conversion;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.poller.plan.PollPlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DerivationTest {

    private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");

    private static PollPlan plan(Map<String, Double> maxRate) {
        return new PollPlan("d", List.of(PollPlan.SYS_UP_TIME), List.of(),
                List.of(new PollPlan.Derived("interfaces", "3", "inUtil", new Conversion.Utilisation("inOctets")),
                        new PollPlan.Derived("storage", "1", "usedPct", "used", "size")),
                List.of(), maxRate);
    }

    private static Sample rate(double bytesPerSecond) {
        return new Sample(new SeriesId("d", "interfaces", "3", "inOctets"), AT, bytesPerSecond);
    }

    /** util = rate * 8 / (ifHighSpeed * 10^6) * 100; the plan holds the speed in bytes/s. */
    @ParameterizedTest(name = "{0} B/s on {1} Mbit/s = {2} %")
    @CsvSource({"12500000, 1000, 10", "125000000, 1000, 100", "0, 100, 0", "1250000, 10, 100", "625000, 10000, 0.05"})
    void utilisationIsRateOverSpeed(double bytesPerSecond, double mbit, double percent) {
        List<Sample> out = Derivation.derive(plan(Map.of("3", mbit * 1e6 / 8)), List.of(rate(bytesPerSecond)));
        assertEquals(List.of(new Sample(new SeriesId("d", "interfaces", "3", "inUtil"), AT, percent)).toString(),
                out.toString());
        assertEquals(percent, out.get(0).value(), 1e-9);
    }

    @ParameterizedTest(name = "gap stays a gap")
    @CsvSource({"NaN"})
    void aRateGapIsAUtilisationGap(double gap) {
        List<Sample> out = Derivation.derive(plan(Map.of("3", 1.25e8)), List.of(rate(gap)));
        assertTrue(Double.isNaN(out.get(0).value()));
    }

    @ParameterizedTest(name = "no speed -> nothing")
    @CsvSource({"1000"})
    void noSpeedNoUtilisation(double r) {
        assertEquals(List.of(), Derivation.derive(plan(Map.of()), List.of(rate(r))));
        assertEquals(List.of(), Derivation.derive(plan(Map.of("3", 1.25e8)), List.of()));
    }
}
