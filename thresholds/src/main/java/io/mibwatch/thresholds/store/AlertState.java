package io.mibwatch.thresholds.store;

/**
 * Alert lifecycle states as stored (Prometheus {@code rules/alerting.go} names plus RESOLVED).
 * Stored by name, so renaming a constant is a schema change.
 */
public enum AlertState {
    INACTIVE, PENDING, FIRING, RESOLVED;

    /** PENDING and FIRING alerts are "active": restored after a restart and listed by default. */
    public boolean active() {
        return this == PENDING || this == FIRING;
    }
}
