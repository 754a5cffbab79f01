package io.mibwatch.thresholds.baseline;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored value of a series and the time it describes. NaN is a gap (unknown, never zero)
 * and is skipped by {@link BaselineTable#compute}.
 *
 * @param at    the instant the value describes (for an RRD row: the middle of the row's interval,
 *              so a row ending at 03:00 counts for the slot before 03:00, not after)
 * @param value the value, NaN if unknown
 */
public record TimedValue(Instant at, double value) {
    public TimedValue {
        Objects.requireNonNull(at, "at");
    }
}
