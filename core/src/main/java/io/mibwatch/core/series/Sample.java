package io.mibwatch.core.series;

import java.time.Instant;
import java.util.Objects;

/**
 * A value ready to store and evaluate: a rate per second for counters, the value
 * itself for gauges. {@code NaN} marks a gap (unknown), never zero.
 */
public record Sample(SeriesId series, Instant at, double value) {
    public Sample {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(at, "at");
    }

    public boolean isGap() {
        return Double.isNaN(value);
    }
}
