package io.mibwatch.thresholds.apdex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.config.ServicesConfig;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.rule.History;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.thresholds.rule.Observation;
import io.mibwatch.thresholds.rule.RuleBinding;
import io.mibwatch.thresholds.rule.RuleConfig;
import io.mibwatch.thresholds.rule.RuleEngine;
import io.mibwatch.thresholds.rule.RuleResult;
import io.mibwatch.thresholds.rule.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApdexMonitorTest {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    static final SeriesId RTT = new SeriesId("r1", "cisco_rtt", "1", "rtt");
    static final MetricUnits UNITS = (g, m) -> Optional.of("ms");
    static final ServicesConfig SERVICES = new ServicesConfig(List.of(new ServicesConfig.Service("voip",
            List.of(new ServicesConfig.Member("r1", "cisco_rtt/1/rtt", new ServicesConfig.Target(100, Optional.of("ms")), true)),
            Duration.ofMinutes(5), Optional.empty(),
            Optional.of(new ServicesConfig.ApdexAlert(0.85, Duration.ofMinutes(2))))));

    @Test
    void rollingWindowScoreOnTheDerivedSeries() {
        ApdexMonitor m = new ApdexMonitor(SERVICES, UNITS);
        assertEquals(List.of(), m.offer(List.of(new Sample(new SeriesId("r1", "cpu", "1", "load"), T0, 99))));
        // minutes 0..4 good, then bad: the 5-minute window (from, now] slides over them
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<Sample> out = m.offer(List.of(new Sample(RTT, T0.plusSeconds(60L * i), i < 5 ? 50 : 1000)));
            assertEquals(1, out.size());
            assertEquals(ApdexMonitor.seriesOf("voip"), out.get(0).series());
            scores.add(out.get(0).value());
        }
        // window holds at most 5 samples (older than now - 5m dropped): i=5 -> 4 good + 1 bad
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 0.8, 0.6, 0.4, 0.2, 0.0), scores);
    }

    @Test
    void apdexBelowTheLevelForTheConfiguredTimeFiresThroughTheRuleEngine() {
        List<RuleBinding> rules = ApdexMonitor.rules(SERVICES);
        RuleEngine engine = new RuleEngine(RuleSet.standard(RuleConfig.DEFAULTS.withRules(rules)), History.EMPTY);
        ApdexMonitor m = new ApdexMonitor(SERVICES, UNITS);
        List<Optional<Severity>> severities = new ArrayList<>();
        // 0-4: satisfied (50 ms); 5-11: tolerating (250 ms); 12-15: frustrated (1000 ms)
        for (int i = 0; i < 16; i++) {
            double rtt = i < 5 ? 50 : i < 12 ? 250 : 1000;
            for (Sample s : m.offer(List.of(new Sample(RTT, T0.plusSeconds(60L * i), rtt)))) {
                List<RuleResult> r = engine.observe(new Observation.Value(s.series(), s.at(), s.value()));
                assertEquals(1, r.size());
                severities.add(r.get(0).evaluation().condition().filter(c -> !c.pending()).map(c -> c.severity()));
            }
        }
        // scores 1, 1, 1, 1, 1, 0.9, 0.8 (minute 6, below 0.85: pending), 0.7, 0.6 (minute 8: 2 minutes
        // below, fires), 0.5, 0.5, 0.5, 0.4 (minute 12, below the "unacceptable" 0.5: critical) ...
        assertTrue(severities.subList(0, 8).stream().allMatch(Optional::isEmpty), severities.toString());
        assertEquals(List.of(Optional.of(Severity.WARNING)), severities.subList(8, 12).stream().distinct().toList(),
                severities.toString());
        assertEquals(Optional.of(Severity.CRITICAL), severities.get(15), severities.toString());
    }
}
