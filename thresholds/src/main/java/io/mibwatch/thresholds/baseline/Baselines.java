package io.mibwatch.thresholds.baseline;

import io.mibwatch.core.series.SeriesId;
import java.util.Optional;

/**
 * Where baseline rules find the learned model of a series. {@link BaselineService} implements
 * it from stored history; tests implement it with a map.
 */
@FunctionalInterface
public interface Baselines {

    /** The table of {@code series} at {@code width}, empty if none was learned (yet). */
    Optional<BaselineTable> forSeries(SeriesId series, SlotWidth width);

    /** Knows nothing: every baseline rule stays quiet. */
    Baselines NONE = (series, width) -> Optional.empty();
}
