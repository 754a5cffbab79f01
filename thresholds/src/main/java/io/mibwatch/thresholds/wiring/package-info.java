/**
 * Maps the alert state machine's values ({@code alert.*}, {@code rule.Severity}) onto the event
 * store's rows and the notifiers' {@link io.mibwatch.thresholds.notify.Notification}s and back, so
 * the three packages stay independent of each other and the daemon wires them with one call.
 */
package io.mibwatch.thresholds.wiring;
