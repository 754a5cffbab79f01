package io.mibwatch.thresholds.rule;

import io.mibwatch.core.series.SeriesId;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Read-only view of stored values, so rules can look back ("the value 10 minutes ago",
 * "the current ifAdminStatus") without knowing the storage. The daemon adapts the RRD
 * store to it; tests use an in-memory map.
 */
@FunctionalInterface
public interface History {

    /**
     * The value the series had at {@code at}: the last stored value at or before it, or
     * empty if there is none or it is a gap (unknown is not zero).
     */
    OptionalDouble valueAt(SeriesId series, Instant at);

    /** A history that knows nothing: rules that need one hold their state. */
    History EMPTY = (series, at) -> OptionalDouble.empty();
}
