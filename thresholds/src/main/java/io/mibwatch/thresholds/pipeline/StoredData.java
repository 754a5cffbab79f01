package io.mibwatch.thresholds.pipeline;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.baseline.StoredHistory;
import io.mibwatch.thresholds.rule.History;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The alert pipeline's ports onto stored series (the RRD store in the daemon).
 *
 * @param values  the last stored value of a series at a time, for rules comparing against the past
 * @param rows    stored rows over weeks, for the baselines to learn from
 * @param series  every stored series (asked once per baseline refresh)
 */
public record StoredData(History values, StoredHistory rows, Supplier<? extends Collection<SeriesId>> series) {

    /** Nothing stored yet: every look-up is empty. */
    public static final StoredData EMPTY = new StoredData(History.EMPTY,
            (s, from, to, maxStep) -> new StoredHistory.Rows(maxStep, List.of()), List::of);

    public StoredData {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(series, "series");
    }
}
