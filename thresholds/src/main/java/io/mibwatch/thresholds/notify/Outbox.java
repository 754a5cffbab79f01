package io.mibwatch.thresholds.notify;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The durable queue the {@link Dispatcher} drains. The event store implements it, so a
 * notification is written in the same transaction as the transition it announces and survives
 * a restart until every routed channel has taken it.
 *
 * <p>Lifecycle: a producer stores a {@link Notification} (unrouted) -> the dispatcher
 * {@link #route routes} it to channels, creating one {@link Delivery} per channel -> each delivery
 * is {@link #markDelivered delivered}, or {@link #markFailed failed} with a next attempt time,
 * or {@link #giveUp given up}. Every step after routing appends to the notification log.
 *
 * <p>Delivery is at-least-once: a crash after a channel accepted a message but before
 * {@link #markDelivered} is committed sends it again after restart.
 */
public interface Outbox {

    /** Notifications not yet routed, oldest first, at most {@code limit}. */
    List<Notification> unrouted(int limit);

    /**
     * Creates one pending delivery per channel, due at {@code at}, and marks the notification
     * routed, atomically. No channels: logs {@link DeliveryLogEntry.Outcome#UNROUTED}.
     */
    void route(String notificationId, Set<String> channels, Instant at);

    /** Pending deliveries of {@code channel} due at or before {@code now}, earliest first. */
    List<Delivery> due(String channel, Instant now, int limit);

    /** Every delivery not yet delivered or given up, earliest due first. */
    List<Delivery> pending();

    void markDelivered(long deliveryId, Instant at);

    /** Counts the attempt, records {@code error} and schedules the next attempt. */
    void markFailed(long deliveryId, String error, Instant at, Instant nextAttemptAt);

    /** Counts the attempt, records {@code error}; the delivery will not be tried again. */
    void giveUp(long deliveryId, String error, Instant at);

    /** The log of one notification, in order. */
    List<DeliveryLogEntry> log(String notificationId);
}
