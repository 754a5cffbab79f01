package io.mibwatch.thresholds.apdex;

import java.util.OptionalDouble;

/**
 * Counts of one Apdex evaluation. A window with no (non-gap) samples has no score: it is
 * neither perfect (1.0) nor worst (0.0), it is unknown, so {@link #score()} is empty.
 */
public record ApdexResult(long satisfied, long tolerating, long frustrated) {

    public static final ApdexResult EMPTY = new ApdexResult(0, 0, 0);

    public ApdexResult {
        if (satisfied < 0 || tolerating < 0 || frustrated < 0) {
            throw new IllegalArgumentException("negative Apdex count: satisfied=" + satisfied
                    + " tolerating=" + tolerating + " frustrated=" + frustrated);
        }
    }

    public long total() {
        return satisfied + tolerating + frustrated;
    }

    /** (satisfied + tolerating / 2) / total, Apdex spec v1.1 section 3; empty when total is 0. */
    public OptionalDouble score() {
        long total = total();
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((satisfied + tolerating / 2.0) / total);
    }

    /** Sums counts, e.g. members of one service or windows of one range (not an average of scores). */
    public ApdexResult plus(ApdexResult other) {
        return new ApdexResult(satisfied + other.satisfied, tolerating + other.tolerating,
                frustrated + other.frustrated);
    }
}
