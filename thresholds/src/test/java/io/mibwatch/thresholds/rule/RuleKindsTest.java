package io.mibwatch.thresholds.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.mibwatch.catalog.threshold.Direction;
import io.mibwatch.catalog.threshold.Reference;
import io.mibwatch.config.ThresholdsConfig.Watch;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.SeriesId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule kind over synthetic series, one poll per minute. Values: a number, {@code _} a
 * gap, {@code !} a failed poll. Expected verdict per step: {@code -} none, {@code P}/{@code F}
 * pending/firing followed by {@code w}/{@code c} for warning/critical.
 */
class RuleKindsTest {

    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    static final Duration STEP = Duration.ofMinutes(1);
    static final SeriesId CPU = new SeriesId("srv1", "cpu", "1", "load");

    static Levels high(double w, double c) {
        return Levels.high(w, c);
    }

    static Stream<Arguments> cases() {
        Rule plain = new StaticThreshold(RuleId.of("cpu"), high(80, 90));
        Rule trigger3 = new StaticThreshold(RuleId.of("cpu"), high(80, 90).withTriggerCount(3));
        Rule rearm = new StaticThreshold(RuleId.of("cpu"), high(80, 90).withRearm(60));
        Rule for3m = new StaticThreshold(RuleId.of("cpu"), high(80, 90).withFor(Duration.ofMinutes(3)));
        Rule low = new StaticThreshold(RuleId.of("charge"), Levels.low(50, 20).withRearm(60));
        Rule criticalOnly = new StaticThreshold(RuleId.of("cpu"), new Levels(Direction.HIGH, OptionalDouble.empty(),
                OptionalDouble.of(90), OptionalDouble.empty(), 1, Duration.ZERO));
        Rule percent = PercentageRule.forMetric("storage", "usedPct", PercentageRule.DEFAULT_LEVELS);
        Rule reference = ReferenceRule.of(new Reference("cpu", "load", OptionalDouble.of(80), OptionalDouble.of(90),
                Direction.HIGH, OptionalDouble.of(75), Duration.ofMinutes(2), "test source"));
        Rule relPrev = new ChangeRule(RuleId.of("jump"), ChangeRule.Kind.RELATIVE, Watch.INCREASE,
                java.util.Optional.empty(), high(50, 100));
        Rule absEither = new ChangeRule(RuleId.of("delta"), ChangeRule.Kind.ABSOLUTE, Watch.EITHER,
                java.util.Optional.empty(), high(10, 20));
        Rule absDrop = new ChangeRule(RuleId.of("drop"), ChangeRule.Kind.ABSOLUTE, Watch.DECREASE,
                java.util.Optional.empty(), high(10, 20));
        Rule rel2mAgo = new ChangeRule(RuleId.of("trend"), ChangeRule.Kind.RELATIVE, Watch.INCREASE,
                java.util.Optional.of(Duration.ofMinutes(2)), high(50, 100));
        Rule unreachable = new Unreachable(RuleId.of("unreachable"), 3, Severity.CRITICAL);
        return Stream.of(
                arguments("static high fires at once, severity follows the value", plain,
                        "50 85 95 85 50", "- Fw Fc Fw -"),
                arguments("static: missing sample neither breaches nor clears", plain,
                        "95 _ _ 95 _ 50 _", "Fc Fc Fc Fc Fc - -"),
                arguments("trigger count: 3 consecutive breaches before firing", trigger3,
                        "85 85 85 85 50", "Pw Pw Fw Fw -"),
                arguments("trigger count: a good value restarts the count", trigger3,
                        "85 85 50 85 85 95", "Pw Pw - Pw Pw Fc"),
                arguments("trigger count: a gap does not restart the count", trigger3,
                        "85 _ 85 85", "Pw Pw Pw Fw"),
                arguments("rearm: stays firing between rearm and warning, clears below rearm", rearm,
                        "95 70 65 60 59 70", "Fc Fw Fw - - -"),
                arguments("rearm does not hold a condition that never fired", new StaticThreshold(RuleId.of("cpu"),
                        high(80, 90).withRearm(60).withTriggerCount(2)), "85 70 85 85 70", "Pw - Pw Fw Fw"),
                arguments("duration: pending until the breach lasted 3 minutes", for3m,
                        "85 85 85 85 85 50", "Pw Pw Pw Fw Fw -"),
                arguments("duration: a good value before the end resets it", for3m,
                        "85 85 50 85 85 85 85", "Pw Pw - Pw Pw Pw Fw"),
                arguments("low direction with rearm above", low,
                        "80 45 15 55 61", "- Fw Fc Fw -"),
                arguments("only a critical level", criticalOnly, "85 95 85", "- Fc -"),
                arguments("percentage default: 90/95 for 5 minutes, rearm 85", percent,
                        "92 92 92 92 92 92 96 88 84", "Pw Pw Pw Pw Pw Fw Fc Fw -"),
                arguments("vendor reference: levels, duration and rearm from the catalog", reference,
                        "85 85 85 78 74", "Pw Pw Fw Fw -"),
                arguments("relative change vs previous value", relPrev,
                        "10 12 20 45 46 10", "- - Fw Fc - -"),
                arguments("relative change: from zero is undefined and holds", relPrev,
                        "10 30 0 50 50", "- Fc - - -"),
                arguments("absolute change either way", absEither,
                        "100 115 90 91 91", "- Fw Fc - -"),
                arguments("absolute drop only", absDrop,
                        "100 130 105 104", "- - Fc -"),
                arguments("relative change vs the value 2 minutes ago (history)", rel2mAgo,
                        "10 10 10 16 21 25 25", "- - - Fw Fc Fw -"),
                arguments("unreachable after 3 failed polls, one success clears", unreachable,
                        "1 ! ! ! ! 1", "- Pc Pc Fc Fc -"),
                arguments("unreachable: gaps on the reachability series say nothing", unreachable,
                        "! _ ! _ ! 1", "Pc Pc Pc Pc Fc -")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleOverSeries(String name, Rule rule, String values, String expected) {
        assertEquals(expected, run(rule, CPU, values, Map.of()));
    }

    /** Runs a rule; the history holds every value fed so far (plus {@code extra} series). */
    static String run(Rule rule, SeriesId series, String values, Map<SeriesId, String> extra) {
        NavigableMap<Instant, Double> own = new TreeMap<>();
        Map<SeriesId, NavigableMap<Instant, Double>> others = new java.util.HashMap<>();
        extra.forEach((s, v) -> {
            NavigableMap<Instant, Double> m = new TreeMap<>();
            String[] t = v.trim().split("\\s+");
            for (int i = 0; i < t.length; i++) {
                if (!t[i].equals("_")) {
                    m.put(T0.plus(STEP.multipliedBy(i)), Double.parseDouble(t[i]));
                }
            }
            others.put(s, m);
        });
        History history = (s, at) -> {
            NavigableMap<Instant, Double> m = s.equals(series) ? own : others.get(s);
            if (m == null || m.floorEntry(at) == null) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(m.floorEntry(at).getValue());
        };
        RuleState state = RuleState.INITIAL;
        List<String> out = new ArrayList<>();
        String[] tokens = values.trim().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            Instant now = T0.plus(STEP.multipliedBy(i));
            Observation obs = switch (tokens[i]) {
                case "_" -> new Observation.Missing(series, now, MissingReason.GAP);
                case "!" -> new Observation.Missing(series, now, MissingReason.POLL_FAILED);
                case "R" -> new Observation.Missing(series, now, MissingReason.AGENT_RESTART);
                default -> new Observation.Value(series, now, Double.parseDouble(tokens[i]));
            };
            Evaluation e = rule.evaluate(state, obs, now, history);
            if (obs instanceof Observation.Value v) {
                own.put(now, v.value());
            }
            state = e.next();
            out.add(e.condition().map(c -> (c.pending() ? "P" : "F")
                    + (c.severity() == Severity.CRITICAL ? "c" : "w")).orElse("-"));
        }
        return String.join(" ", out);
    }
}
