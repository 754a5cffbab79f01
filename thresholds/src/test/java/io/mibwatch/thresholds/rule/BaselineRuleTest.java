package io.mibwatch.thresholds.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.catalog.threshold.Direction;
import io.mibwatch.config.ThresholdsConfig.BaselineReference;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.baseline.Arming;
import io.mibwatch.thresholds.baseline.BaselineTable;
import io.mibwatch.thresholds.baseline.Baselines;
import io.mibwatch.thresholds.baseline.SlotWidth;
import io.mibwatch.thresholds.baseline.TimedValue;
import io.mibwatch.thresholds.rule.BaselineRule.Margin;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BaselineRuleTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Zurich");
    static final SeriesId CPU = new SeriesId("core1", "cpu", "1", "load");
    static final Instant END = Instant.parse("2026-11-02T00:00:00Z"); // Monday
    static final Instant AT_03 = Instant.parse("2026-11-03T03:05:00+01:00"); // Tuesday 03:05 local
    static final Instant AT_11 = Instant.parse("2026-11-03T11:05:00+01:00"); // Tuesday 11:05 local

    /** 5-minute history: 10 +- 20 % at night, 80 +- 20 % in office hours (weekdays), seeded noise. */
    static List<TimedValue> history(int days) {
        Random rnd = new Random(7);
        List<TimedValue> out = new ArrayList<>();
        for (Instant t = END.minus(Duration.ofDays(days)); t.isBefore(END); t = t.plus(Duration.ofMinutes(5))) {
            var l = t.atZone(ZONE);
            boolean office = l.getDayOfWeek().getValue() <= 5 && l.getHour() >= 8 && l.getHour() < 18;
            out.add(new TimedValue(t, (office ? 80 : 10) * (0.8 + 0.4 * rnd.nextDouble())));
        }
        return out;
    }

    static Baselines baselines(int days) {
        BaselineTable t20 = BaselineTable.compute(history(days), Duration.ofMinutes(5), SlotWidth.MIN_20, true, ZONE);
        BaselineTable t60 = BaselineTable.compute(history(days), Duration.ofMinutes(5), SlotWidth.MIN_60, true, ZONE);
        return (s, w) -> s.equals(CPU) ? Optional.of(w == SlotWidth.MIN_20 ? t20 : t60) : Optional.empty();
    }

    static BaselineRule rule(Direction d, Baselines b) {
        return new BaselineRule(RuleId.of("baseline:cpu"), SlotWidth.MIN_20, BaselineReference.P90,
                Margin.percent(30), d, Severity.WARNING, Arming.DEFAULT, b);
    }

    static Evaluation eval(BaselineRule r, Instant at, double v) {
        return r.evaluate(RuleState.INITIAL, new Observation.Value(CPU, at, v), at);
    }

    @Test
    void spikeAt3AlertsButTheSameValueAt11IsNormal() {
        BaselineRule r = rule(Direction.HIGH, baselines(28));
        Evaluation night = eval(r, AT_03, 60);
        Evaluation day = eval(r, AT_11, 60);
        assertTrue(night.condition().isPresent(), "60 at 03:00 is far above the night's p90 ~12");
        Condition c = night.condition().get();
        assertEquals(Severity.WARNING, c.severity());
        assertFalse(c.pending());
        assertTrue(c.summary().contains("p90") && c.summary().contains("03:00 weekday"), c.summary());
        assertEquals(Optional.empty(), day.condition(), "60 at 11:00 is below the office p90 ~96");
        // a normal night value does not alert either
        assertEquals(Optional.empty(), eval(r, AT_03, 10).condition());
    }

    @Test
    void learningPeriodProducesNoAlerts() {
        BaselineRule r = rule(Direction.HIGH, baselines(7)); // one week: below the 2-week arming
        for (Instant t = AT_03; t.isBefore(AT_03.plus(Duration.ofDays(1))); t = t.plus(Duration.ofMinutes(5))) {
            assertEquals(Optional.empty(), eval(r, t, 1_000).condition(), "at " + t);
        }
        // and no baseline at all (series never learned) is quiet too
        assertEquals(Optional.empty(), eval(rule(Direction.HIGH, Baselines.NONE), AT_03, 1_000).condition());
    }

    @Test
    void lowIsBadAlertsBelowTheSlot() {
        BaselineRule r = rule(Direction.LOW, baselines(28));
        assertTrue(eval(r, AT_11, 20).condition().isPresent(), "20 at 11:00 is far below the office p90 * 0.7");
        assertEquals(Optional.empty(), eval(r, AT_11, 80).condition(), "80 is a normal office value");
    }

    @Test
    void missingSampleHoldsTheCondition() {
        BaselineRule r = rule(Direction.HIGH, baselines(28));
        Evaluation firing = eval(r, AT_03, 60);
        Evaluation held = r.evaluate(firing.next(), new Observation.Missing(CPU, AT_03.plusSeconds(300),
                MissingReason.GAP), AT_03.plusSeconds(300));
        assertEquals(firing.condition(), held.condition());
        assertEquals(firing.next(), held.next());
        // back to normal clears
        Evaluation clear = r.evaluate(held.next(), new Observation.Value(CPU, AT_03.plusSeconds(600), 10),
                AT_03.plusSeconds(600));
        assertEquals(Optional.empty(), clear.condition());
    }

    static Stream<Arguments> margins() {
        return Stream.of(
                Arguments.of(Margin.percent(10), Direction.HIGH, 100.0, 110.0),
                Arguments.of(Margin.percent(30), Direction.HIGH, 100.0, 130.0),
                Arguments.of(Margin.percent(50), Direction.HIGH, 100.0, 150.0),
                Arguments.of(Margin.percent(50), Direction.LOW, 100.0, 50.0),
                Arguments.of(Margin.times(3), Direction.HIGH, 100.0, 300.0),
                Arguments.of(Margin.times(4), Direction.LOW, 100.0, 25.0));
    }

    @ParameterizedTest(name = "{0} {1} of {2} = {3}")
    @MethodSource("margins")
    void marginLimits(Margin m, Direction d, double ref, double limit) {
        assertEquals(limit, m.limit(ref, d), 1e-9);
    }

    @Test
    void badMarginsAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Margin.times(0.5));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Margin.percent(-10));
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> new BaselineRule(
                RuleId.of("b"), SlotWidth.MIN_60, BaselineReference.MEAN, Margin.percent(100), Direction.LOW,
                Severity.WARNING, Arming.DEFAULT, Baselines.NONE));
        assertTrue(low.getMessage().contains("rule b") && low.getMessage().contains("100%"), low.getMessage());
    }

    @Test
    void describes() {
        assertEquals("baseline high warning p90 +30% slot 20m armed after 90% of 2 weeks",
                rule(Direction.HIGH, Baselines.NONE).describe());
    }

    @Test
    void readinessAndLimitSayWhyARuleIsQuiet() {
        assertEquals(BaselineRule.Readiness.NO_MODEL, rule(Direction.HIGH, Baselines.NONE).readiness(CPU));
        assertEquals(BaselineRule.Readiness.LEARNING, rule(Direction.HIGH, baselines(7)).readiness(CPU));
        assertTrue(rule(Direction.HIGH, baselines(7)).limit(CPU, AT_03).isEmpty());
        BaselineRule armed = rule(Direction.HIGH, baselines(28));
        assertEquals(BaselineRule.Readiness.ARMED, armed.readiness(CPU));
        double p90 = baselines(28).forSeries(CPU, SlotWidth.MIN_20).orElseThrow().at(AT_03).p90();
        assertEquals(p90 * 1.3, armed.limit(CPU, AT_03).getAsDouble(), 1e-9);
    }

    @Test
    void forDurationKeepsABreachPendingUntilItLasted() {
        BaselineRule r = new BaselineRule(RuleId.of("baseline:cpu"), SlotWidth.MIN_20, BaselineReference.P90,
                Margin.percent(30), Direction.HIGH, Severity.WARNING, Arming.DEFAULT, baselines(28),
                Duration.ofMinutes(5));
        Evaluation first = r.evaluate(RuleState.INITIAL, new Observation.Value(CPU, AT_03, 60), AT_03);
        assertTrue(first.condition().orElseThrow().pending());
        Instant later = AT_03.plus(Duration.ofMinutes(5));
        Evaluation second = r.evaluate(first.next(), new Observation.Value(CPU, later, 60), later);
        assertFalse(second.condition().orElseThrow().pending());
        assertTrue(r.describe().endsWith(" for 300s"), r.describe());
    }

    static Stream<Arguments> marginTexts() {
        return Stream.of(Arguments.of(Margin.percent(30), Direction.HIGH, "+30%", 130.0),
                Arguments.of(Margin.percent(30), Direction.LOW, "-30%", 70.0),
                Arguments.of(Margin.times(2), Direction.HIGH, "x2", 200.0),
                Arguments.of(Margin.times(2), Direction.LOW, "/2", 50.0),
                Arguments.of(Margin.percent(12.5), Direction.HIGH, "+12.50%", 112.5));
    }

    @ParameterizedTest
    @MethodSource("marginTexts")
    void marginTextMatchesTheLimit(Margin m, Direction d, String text, double limitOf100) {
        assertEquals(text, m.text(d));
        assertEquals(limitOf100, m.limit(100, d), 1e-9);
    }
}
