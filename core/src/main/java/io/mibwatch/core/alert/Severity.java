package io.mibwatch.core.alert;

/**
 * How bad an alert is, in increasing order ({@link #compareTo} is "worse than"), so a route can
 * say "WARNING and worse" ({@link #atLeast}). Rules produce WARNING or CRITICAL; INFO is for
 * notifications and routes. The monitoring-plugin exit codes of {@code mibwatch check} map WARNING
 * to 1 and CRITICAL to 2. Stored and configured by name, so renaming a constant is a schema change.
 */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public boolean worseThan(Severity other) {
        return compareTo(other) > 0;
    }
}
