package io.mibwatch.thresholds.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification owed to one channel: the unit the outbox retries. A notification routed
 * to webhook and email is two deliveries, so a failing email server never holds back the webhook.
 *
 * @param id            outbox row id
 * @param notification  what to send
 * @param channel       the channel's configured name
 * @param attempts      attempts made so far (0 = never tried)
 * @param nextAttemptAt not before this instant
 */
public record Delivery(long id, Notification notification, String channel, int attempts, Instant nextAttemptAt) {
    public Delivery {
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }
}
