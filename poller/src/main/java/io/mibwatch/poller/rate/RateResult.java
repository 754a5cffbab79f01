package io.mibwatch.poller.rate;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import java.time.Instant;
import java.util.Objects;

/** The outcome of turning two counter observations into a rate: a rate, or a gap with its reason. */
public sealed interface RateResult permits RateResult.Rate, RateResult.Gap {

    /** As a stored {@link Sample}: the rate, or NaN for a gap (unknown is never zero). */
    Sample toSample(SeriesId series, Instant at);

    /** A per-second rate over the real elapsed time between the two observations; never negative. */
    record Rate(double perSecond) implements RateResult {
        public Rate {
            if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("rate must be finite and >= 0: " + perSecond);
            }
        }

        @Override
        public Sample toSample(SeriesId series, Instant at) {
            return new Sample(series, at, perSecond);
        }
    }

    /**
     * No rate for this interval.
     *
     * @param detail human-readable facts behind the decision (tick and counter values, never credentials)
     */
    record Gap(GapReason reason, String detail) implements RateResult {
        public Gap {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Sample toSample(SeriesId series, Instant at) {
            return new Sample(series, at, Double.NaN);
        }
    }
}
