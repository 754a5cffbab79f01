package io.mibwatch.thresholds.rule;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import java.time.Instant;
import java.util.Objects;

/**
 * What one poll says about one series: a value, or that the value is missing and why.
 * A missing value is never "below threshold": threshold rules neither count it
 * as a breach nor let it clear an alert.
 */
public sealed interface Observation permits Observation.Value, Observation.Missing {

    SeriesId series();

    Instant at();

    /** A real (non-NaN) value. */
    record Value(SeriesId series, Instant at, double value) implements Observation {
        public Value {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(at, "at");
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("a NaN sample of " + series + " is a gap: use Observation.of(sample)");
            }
        }
    }

    /** No value this time. */
    record Missing(SeriesId series, Instant at, MissingReason reason) implements Observation {
        public Missing {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The observation of a stored sample: NaN is a gap (core's {@link Sample} contract), never zero. */
    static Observation of(Sample sample) {
        return sample.isGap()
                ? new Missing(sample.series(), sample.at(), MissingReason.GAP)
                : new Value(sample.series(), sample.at(), sample.value());
    }
}
