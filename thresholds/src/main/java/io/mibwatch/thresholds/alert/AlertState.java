package io.mibwatch.thresholds.alert;

/**
 * Lifecycle of an alert (Prometheus rules/alerting.go, plus RESOLVED kept for history):
 * INACTIVE -&gt; PENDING -&gt; FIRING -&gt; RESOLVED; PENDING -&gt; INACTIVE when the condition
 * clears before firing; RESOLVED -&gt; PENDING/FIRING starts a new episode of the same alert.
 */
public enum AlertState {
    INACTIVE,
    PENDING,
    FIRING,
    RESOLVED;

    /** PENDING or FIRING: shown in {@code alerts} by default. */
    public boolean active() {
        return this == PENDING || this == FIRING;
    }
}
