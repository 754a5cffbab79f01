package io.mibwatch.thresholds.alert;

import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that should be notified, and why: produced by the state machine, persisted in
 * the outbox and sent by the notifiers. {@code alert} is the alert as it is after the step
 * (device, series, value, summary and labels for routing and message text).
 */
public record NotificationIntent(AlertId alertId, NotificationKind kind, Severity severity, Instant at, Alert alert,
                                 String why) {
    public NotificationIntent {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(why, "why");
    }
}
