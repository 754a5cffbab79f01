package io.mibwatch.thresholds.ruletest;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.thresholds.alert.Alert;
import io.mibwatch.thresholds.alert.AlertChanges;
import io.mibwatch.thresholds.alert.AlertTracker;
import io.mibwatch.thresholds.alert.FlapPolicy;
import io.mibwatch.thresholds.alert.NotificationIntent;
import io.mibwatch.thresholds.alert.Silence;
import io.mibwatch.thresholds.rule.History;
import io.mibwatch.thresholds.rule.MissingReason;
import io.mibwatch.thresholds.rule.Observation;
import io.mibwatch.thresholds.rule.RuleEngine;
import io.mibwatch.thresholds.rule.RuleSet;
import io.mibwatch.thresholds.rule.Unreachable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs a {@link RuleTestFile}: for each test, a fresh rule engine and alert tracker on a
 * manual clock, fed one step per interval, checked against the expectations. No I/O; the
 * CLI prints the results.
 *
 * <p>Per step, in order: the step's values enter the history (so rules looking at sibling
 * series see the same poll); {@code poll//reachable} series set device reachability (a
 * {@code !} or 0 is a failed poll); every series is observed in file order; acks due are
 * applied; silences and flapping are re-checked; then the expectations for that time.
 */
public final class RuleTestRunner {

    private RuleTestRunner() {
    }

    public static List<RuleTestResult> run(RuleTestFile file) {
        RuleSet rules = RuleSet.standard(file.rules());
        List<RuleTestResult> out = new ArrayList<>();
        for (RuleTestFile.TestCase t : file.tests()) {
            out.add(runOne(file, rules, t));
        }
        return out;
    }

    private static RuleTestResult runOne(RuleTestFile file, RuleSet rules, RuleTestFile.TestCase t) {
        ManualClock clock = new ManualClock(RuleTestParser.START);
        Map<SeriesId, NavigableMap<Instant, Double>> stored = new HashMap<>();
        History history = (s, at) -> {
            NavigableMap<Instant, Double> m = stored.get(s);
            Map.Entry<Instant, Double> e = m == null ? null : m.floorEntry(at);
            return e == null || e.getValue().isNaN() ? OptionalDouble.empty() : OptionalDouble.of(e.getValue());
        };
        RuleEngine engine = new RuleEngine(rules, history);
        AlertTracker tracker = new AlertTracker(clock, file.dependencies(), FlapPolicy.DEFAULT, Duration.ofMinutes(15));
        for (Silence s : t.silences()) {
            tracker.addSilence(s);
        }
        List<String> failures = new ArrayList<>();
        int steps = t.series().stream().mapToInt(s -> s.values().size()).max().orElse(0);
        Duration last = t.expect().stream().map(RuleTestFile.Expectation::at).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        steps = (int) Math.max(steps, last.toMillis() / file.interval().toMillis() + 1);
        for (int i = 0; i < steps; i++) {
            Duration offset = file.interval().multipliedBy(i);
            Instant now = RuleTestParser.START.plus(offset);
            clock.set(now);
            List<NotificationIntent> intents = new ArrayList<>();
            for (RuleTestFile.InputSeries s : t.series()) {
                if (i < s.values().size()) {
                    RuleTestFile.Step v = s.values().get(i);
                    double d = v instanceof RuleTestFile.Value val ? val.value() : Double.NaN;
                    stored.computeIfAbsent(s.series(), k -> new TreeMap<>()).put(now, d);
                    if (isReachability(s.series()) && !(v instanceof RuleTestFile.Gap)) {
                        intents.addAll(tracker.deviceReachability(s.series().device(),
                                v instanceof RuleTestFile.Value val && val.value() != 0).intents());
                    }
                }
            }
            for (RuleTestFile.InputSeries s : t.series()) {
                if (i < s.values().size()) {
                    RuleTestFile.Step v = s.values().get(i);
                    Observation obs = v instanceof RuleTestFile.Value val ? new Observation.Value(s.series(), now, val.value())
                            : new Observation.Missing(s.series(), now, v instanceof RuleTestFile.PollFailed
                                    ? MissingReason.POLL_FAILED : MissingReason.GAP);
                    intents.addAll(tracker.onResults(engine.observe(obs)).intents());
                }
            }
            for (RuleTestFile.TimedAck a : t.acks()) {
                if (a.at().equals(offset)) {
                    try {
                        intents.addAll(tracker.acknowledge(a.alert(), a.user(), a.comment()).intents());
                    } catch (RuntimeException e) {
                        failures.add("at " + fmt(offset) + ": ack of " + a.alert().key() + " failed: " + e.getMessage());
                    }
                }
            }
            AlertChanges re = tracker.recheck();
            intents.addAll(re.intents());
            for (RuleTestFile.Expectation e : t.expect()) {
                if (e.at().equals(offset)) {
                    check(e, tracker.alerts(), intents, failures);
                }
            }
        }
        for (RuleTestFile.Expectation e : t.expect()) {
            if (e.at().toMillis() % file.interval().toMillis() != 0) {
                failures.add("expectation at " + fmt(e.at()) + " is not on an evaluation step (interval "
                        + fmt(file.interval()) + ")");
            }
        }
        return new RuleTestResult(t.name(), failures);
    }

    private static boolean isReachability(SeriesId s) {
        return s.group().equals(Unreachable.GROUP) && s.metric().equals(Unreachable.METRIC);
    }

    private static void check(RuleTestFile.Expectation e, List<Alert> alerts, List<NotificationIntent> intents,
                              List<String> failures) {
        List<String> want = e.alerts().stream().map(RuleTestRunner::describe).sorted().collect(Collectors.toList());
        List<String> got = alerts.stream().filter(a -> a.state().active()).map(RuleTestRunner::describe).sorted()
                .collect(Collectors.toList());
        if (!want.equals(got)) {
            failures.add("at " + fmt(e.at()) + ":\n    expected alerts: " + want + "\n    got:             " + got);
        }
        if (e.notifications().isPresent()) {
            List<String> wantN = e.notifications().get().stream().sorted().collect(Collectors.toList());
            List<String> gotN = intents.stream().map(i -> i.kind() + " " + i.alertId().key()).sorted()
                    .collect(Collectors.toList());
            if (!wantN.equals(gotN)) {
                failures.add("at " + fmt(e.at()) + ":\n    expected notifications: " + wantN
                        + "\n    got:                    " + gotN);
            }
        }
    }

    private static String describe(RuleTestFile.ExpectedAlert a) {
        return line(a.alert().key(), a.state().name(), a.severity().name(), a.silenced(), a.suppressed(),
                a.acknowledged(), a.flapping());
    }

    private static String describe(Alert a) {
        return line(a.id().key(), a.state().name(), a.severity().name(), a.silencedBy().isPresent(),
                a.suppressedBy().isPresent(), a.ack().isPresent(), a.flapping());
    }

    private static String line(String key, String state, String severity, boolean silenced, boolean suppressed,
                               boolean acked, boolean flapping) {
        return key + " " + state.toLowerCase() + " " + severity.toLowerCase() + (silenced ? " silenced" : "")
                + (suppressed ? " suppressed" : "") + (acked ? " acknowledged" : "") + (flapping ? " flapping" : "");
    }

    private static String fmt(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
