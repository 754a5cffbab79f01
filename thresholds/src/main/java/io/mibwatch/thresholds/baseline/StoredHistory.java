package io.mibwatch.thresholds.baseline;

import io.mibwatch.core.series.SeriesId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Read access to stored history for learning baselines; the app adapts the RRD store to it.
 */
@FunctionalInterface
public interface StoredHistory {

    /**
     * Values of {@code series} between {@code from} and {@code to}, at a step no coarser than
     * {@code maxStep} (a row wider than a slot cannot say which slot it belongs to). May cover
     * less than the range asked for when the store keeps rows that fine for a shorter time.
     *
     * @throws RuntimeException naming the series if it cannot be read
     */
    Rows history(SeriesId series, Instant from, Instant to, Duration maxStep);

    /**
     * @param step   the step of the values (what {@link Arming} counts in)
     * @param values oldest first, NaN for gaps
     */
    record Rows(Duration step, List<TimedValue> values) {
        public Rows {
            Objects.requireNonNull(step, "step");
            values = List.copyOf(values);
        }
    }
}
