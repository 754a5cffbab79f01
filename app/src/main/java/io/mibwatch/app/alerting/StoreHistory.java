package io.mibwatch.app.alerting;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.SeriesNotFoundException;
import io.mibwatch.storage.SeriesStore;
import io.mibwatch.thresholds.rule.History;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The rules' view of stored values: the RRD store at its finest resolution. The alert pipeline
 * puts the latest samples received in front of it.
 */
public final class StoreHistory implements History {

    /** How far back a look-up searches for the last known value. */
    static final Duration LOOK_BACK = Duration.ofMinutes(15);

    private final SeriesStore store;

    public StoreHistory(SeriesStore store) {
        this.store = store;
    }

    @Override
    public OptionalDouble valueAt(SeriesId series, Instant at) {
        SeriesData d;
        try {
            d = store.fetch(series, at.minus(LOOK_BACK), at, Duration.ofSeconds(1), Consolidation.AVERAGE);
        } catch (SeriesNotFoundException e) {
            return OptionalDouble.empty();
        } catch (RuntimeException e) {
            return OptionalDouble.empty();
        }
        List<SeriesData.Point> pts = d.points();
        for (int i = pts.size() - 1; i >= 0; i--) {
            SeriesData.Point p = pts.get(i);
            if (!p.at().isAfter(at)) {
                // the last row at or before: unknown stays unknown, never zero
                return Double.isNaN(p.value()) ? OptionalDouble.empty() : OptionalDouble.of(p.value());
            }
        }
        return OptionalDouble.empty();
    }
}
