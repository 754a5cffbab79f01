package io.mibwatch.thresholds.rule;

/**
 * How bad a condition is, in increasing order ({@link #compareTo} is "worse than"). The
 * monitoring-plugin exit codes of {@code mibwatch check} map WARNING to 1 and CRITICAL to 2.
 */
public enum Severity {
    WARNING,
    CRITICAL;

    public boolean worseThan(Severity other) {
        return compareTo(other) > 0;
    }
}
