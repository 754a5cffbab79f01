package io.mibwatch.thresholds.apdex;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored samples of one series for Apdex and the red button; the app adapts the RRD store to it
 * (thresholds never imports storage types).
 */
@FunctionalInterface
public interface SampleSource {
    /**
     * The samples of {@code series} in [from, to] at the finest resolution kept (Apdex counts
     * samples; coarser averages would hide the bad ones), gaps as NaN.
     *
     * @return empty when the series was never stored
     */
    Optional<List<Sample>> samples(SeriesId series, Instant from, Instant to);
}
