package io.mibwatch.thresholds.store;

import io.mibwatch.core.alert.Severity;
import io.mibwatch.thresholds.alert.AlertState;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One state change of one alert: a line of the append-only {@code transitions} history.
 * A severity change while firing is a transition FIRING -> FIRING with the new severity.
 *
 * @param alertId  the alert
 * @param from     state before
 * @param to       state after
 * @param severity severity after
 * @param at       when (evaluation time, not wall time of the write)
 * @param value    the value that caused it, if any
 * @param reason   short human text, e.g. "cpu 93.1 > 90 for 5m"
 */
public record TransitionRow(String alertId, AlertState from, AlertState to, Severity severity, Instant at,
                            OptionalDouble value, String reason) {
    public TransitionRow {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
    }
}
