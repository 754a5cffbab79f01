package io.mibwatch.thresholds.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An acknowledgement: who took the alert, why, when. Stored both as history ({@code acks}
 * table) and as the alert's current ack ({@link AlertRow#ack()}).
 */
public record AckRow(String alertId, String user, String comment, Instant at) {
    public AckRow {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(at, "at");
    }
}
