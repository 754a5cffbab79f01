/**
 * Alert lifecycle: INACTIVE -&gt; PENDING -&gt; FIRING -&gt; RESOLVED in one pure step function
 * ({@link io.mibwatch.thresholds.alert.AlertStateMachine}), with severity changes, acks,
 * silences, parent-down suppression and flap damping; the thread-safe
 * {@link io.mibwatch.thresholds.alert.AlertTracker} holding all alerts. Output is transitions
 * and notification intents for the store and notifiers.
 */
package io.mibwatch.thresholds.alert;
