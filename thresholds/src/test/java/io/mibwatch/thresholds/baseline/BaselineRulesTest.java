package io.mibwatch.thresholds.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.catalog.threshold.Direction;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.ThresholdsConfig;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.thresholds.rule.BaselineRule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Config -> baseline rules and their learning services, with an in-memory history. */
class BaselineRulesTest {
    static final Instant NOW = Instant.parse("2026-11-17T03:10:00Z");
    static final SeriesId CPU1 = new SeriesId("srv1", "cpu", "1", "load");
    static final SeriesId CPU2 = new SeriesId("srv2", "cpu", "1", "load");
    static final SeriesId RTT = new SeriesId("wan1", "cisco_rtt", "20", "rtt");

    static ThresholdsConfig config() throws Exception {
        return ConfigLoader.parse("""
                thresholds:
                  baselines:
                    - {name: cpu-night, match: {device: "srv*", metric: cpu/load}, margin: 50%, zone: UTC}
                    - {name: rtt-low, match: {metric: cisco_rtt/rtt}, margin: x2, direction: low, slot: 20m,
                       severity: critical, reference: mean, weeks: 3, zone: UTC}
                """, "t.yaml").thresholds();
    }

    /** 5-minute rows: 10 at night, 50 from 08:00 to 18:00; srv2 has only 5 days. */
    static final class Memory implements StoredHistory {
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Rows history(SeriesId s, Instant from, Instant to, Duration maxStep) {
            asked.add(s.device() + " " + Duration.between(from, to).toDays() + "d " + maxStep.toMinutes() + "m");
            Instant start = s.equals(CPU2) ? to.minus(Duration.ofDays(5)) : from;
            List<TimedValue> v = new ArrayList<>();
            for (Instant t = start; t.isBefore(to); t = t.plus(Duration.ofMinutes(5))) {
                int h = t.atZone(ZoneOffset.UTC).getHour();
                v.add(new TimedValue(t, h >= 8 && h < 18 ? 50 : 10));
            }
            return new Rows(Duration.ofMinutes(5), v);
        }
    }

    @Test
    void rulesFollowTheConfigAndLearnOnlyWhatTheyMatch() throws Exception {
        Memory history = new Memory();
        try (BaselineRules rules = BaselineRules.of(config(), history, new ManualClock(NOW),
                () -> List.of(CPU1, CPU2, RTT, new SeriesId("core1", "cpu", "1", "load")), ZoneOffset.UTC)) {
            assertEquals(List.of("cpu-night", "rtt-low"), rules.rules().stream().map(b -> b.config().name()).toList());
            BaselineRule cpu = rules.rules().get(0).rule();
            assertEquals(SlotWidth.MIN_60, cpu.width());
            assertEquals(ThresholdsConfig.BaselineReference.P90, cpu.reference());
            assertEquals(BaselineRule.Margin.percent(50), cpu.margin());
            assertEquals(Direction.HIGH, cpu.direction());
            assertEquals(Severity.WARNING, cpu.severity());
            BaselineRule rtt = rules.rules().get(1).rule();
            assertEquals(List.of(SlotWidth.MIN_20, ThresholdsConfig.BaselineReference.MEAN,
                    BaselineRule.Margin.times(2), Direction.LOW, Severity.CRITICAL),
                    List.of(rtt.width(), rtt.reference(), rtt.margin(), rtt.direction(), rtt.severity()));
            assertTrue(rules.bindings().get(0).selector().matches(CPU1));
            assertFalse(rules.bindings().get(0).selector().matches(RTT));

            assertFalse(rules.learned());
            assertTrue(rules.refreshNow());
            assertFalse(rules.refreshNow(), "learned today already");
            assertTrue(rules.learned());
            // two groups (4 weeks / 3 weeks): each learns only the series its rules match; core1 matches none
            assertEquals(List.of("srv1 28d 60m", "srv2 28d 60m", "wan1 21d 20m"), history.asked.stream().sorted().toList());

            List<BaselineRules.Status> st = rules.status(List.of(CPU1, CPU2, RTT), NOW);
            assertEquals(List.of("cpu-night srv1 ARMED", "cpu-night srv2 LEARNING", "rtt-low wan1 ARMED"),
                    st.stream().map(x -> x.rule() + " " + x.series().device() + " " + x.readiness()).toList());
            assertEquals(15, st.get(0).limit().getAsDouble(), 1e-9, "p90 10 at 03:00, +50 %");
            assertEquals(75, rules.status(List.of(CPU1), NOW.plus(Duration.ofHours(8))).get(0).limit().getAsDouble(), 1e-9,
                    "11:10: p90 50, +50 %");
            assertEquals(5, st.get(2).limit().getAsDouble(), 1e-9, "low is bad: mean 10 halved");
            assertTrue(st.get(1).limit().isEmpty(), "learning: no limit");
        }
    }
}
