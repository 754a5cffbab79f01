package io.mibwatch.thresholds.alert;

import io.mibwatch.core.alert.Severity;
import java.time.Instant;
import java.util.Objects;

/** One entry of an alert's history: what changed, when, at which value and why. */
public record Transition(AlertId alertId, AlertState from, AlertState to, Severity severity, Instant at,
                         double value, TransitionReason reason) {
    public Transition {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}
