package io.mibwatch.thresholds.rule;

import io.mibwatch.core.series.SeriesId;
import java.time.Instant;
import java.util.Objects;

/** One rule evaluated on one series at one time: the input of the alert tracker. */
public record RuleResult(Rule rule, SeriesId series, Instant at, Evaluation evaluation) {
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(evaluation, "evaluation");
    }
}
