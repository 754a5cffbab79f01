package io.mibwatch.thresholds.ruletest;

import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.alert.AlertId;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.alert.Dependencies;
import io.mibwatch.thresholds.alert.Silence;
import io.mibwatch.thresholds.rule.RuleConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A promtool-style rule unit test file ({@code mibwatch rules test FILE}), parsed by
 * {@link RuleTestParser}: rules, input series with one value per evaluation step, and the
 * alerts expected at given times.
 */
public record RuleTestFile(String source, Duration interval, RuleConfig rules, Dependencies dependencies,
                           List<TestCase> tests) {

    public RuleTestFile {
        tests = List.copyOf(tests);
    }

    /** One test: series fed step by step, silences, acks, expectations. */
    public record TestCase(String name, List<InputSeries> series, List<Silence> silences, List<TimedAck> acks,
                           List<Expectation> expect) {
        public TestCase {
            series = List.copyOf(series);
            silences = List.copyOf(silences);
            acks = List.copyOf(acks);
            expect = List.copyOf(expect);
        }
    }

    /** Values per step: a number, or empty for a gap ({@code _}), or POLL_FAILED ({@code !}). */
    public record InputSeries(SeriesId series, List<Step> values) {
        public InputSeries {
            values = List.copyOf(values);
        }
    }

    /** One step's input. */
    public sealed interface Step permits Value, Gap, PollFailed {
    }

    public record Value(double value) implements Step {
    }

    public record Gap() implements Step {
    }

    public record PollFailed() implements Step {
    }

    /** An acknowledgement at a time (offset from the start). */
    public record TimedAck(Duration at, AlertId alert, String user, String comment) {
    }

    /**
     * Expected active (PENDING/FIRING) alerts at a time, exactly, and if {@code notifications}
     * is present the exact notifications of that step ({@code KIND ALERT-ID}).
     */
    public record Expectation(Duration at, List<ExpectedAlert> alerts, Optional<List<String>> notifications) {
    }

    /** An expected alert; flags default to false and are always compared. */
    public record ExpectedAlert(AlertId alert, AlertState state, Severity severity, boolean silenced,
                                boolean suppressed, boolean acknowledged, boolean flapping) {
    }
}
