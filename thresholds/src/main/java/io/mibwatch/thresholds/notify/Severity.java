package io.mibwatch.thresholds.notify;

/**
 * How bad an alert is, in increasing order, so a route can say "WARNING and worse"
 * ({@link #atLeast}). The state machine's own severity maps onto this one.
 */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
