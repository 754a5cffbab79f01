package io.mibwatch.thresholds.rule;

import io.mibwatch.core.alert.Severity;
import java.util.Objects;

/**
 * A rule's verdict that something is wrong.
 *
 * @param severity how bad
 * @param pending  true while the rule is still waiting for its trigger count or duration;
 *                 the alert is PENDING then, FIRING once false
 * @param value    the value the verdict is about (the sample, the change, the failed-poll count)
 * @param summary  one line for humans, e.g. {@code 95 > critical 90 (3 of 3 polls)}
 */
public record Condition(Severity severity, boolean pending, double value, String summary) {
    public Condition {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
    }
}
