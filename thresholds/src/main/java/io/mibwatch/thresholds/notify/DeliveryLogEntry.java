package io.mibwatch.thresholds.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the notification log: what happened to one attempt (or to routing).
 * {@code detail} never holds a secret: the dispatcher masks channel secrets before logging.
 *
 * @param notificationId the notification
 * @param channel        channel name; empty for {@link Outcome#UNROUTED}
 * @param attempt        1-based attempt number; 0 for routing entries
 * @param at             when
 * @param outcome        what happened
 * @param detail         error text or a short note; may be empty
 */
public record DeliveryLogEntry(String notificationId, String channel, int attempt, Instant at,
                               Outcome outcome, String detail) {

    public enum Outcome {
        /** the channel accepted it. */
        DELIVERED,
        /** this attempt failed, another one is scheduled. */
        FAILED,
        /** this attempt failed and it was the last one allowed. */
        GAVE_UP,
        /** no route matched, nothing will be sent. */
        UNROUTED
    }

    public DeliveryLogEntry {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
