/**
 * Notifications: what is sent ({@link io.mibwatch.thresholds.notify.Notification}), where
 * ({@link io.mibwatch.thresholds.notify.Router} over {@link io.mibwatch.thresholds.notify.Route}s),
 * how ({@link io.mibwatch.thresholds.notify.Channel}: webhook, email, syslog) and the
 * {@link io.mibwatch.thresholds.notify.Dispatcher} that drains the durable
 * {@link io.mibwatch.thresholds.notify.Outbox} on its own threads with
 * {@link io.mibwatch.thresholds.notify.Backoff}.
 *
 * <p>Delivery is at-least-once per (notification, channel): a crash between a channel accepting a
 * message and the store recording it repeats the send after restart. Every channel carries the
 * notification id so receivers can drop the repeat. Nothing here runs on the evaluation thread.
 */
package io.mibwatch.thresholds.notify;
