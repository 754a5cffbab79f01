package io.mibwatch.app.alerting;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.SeriesNotFoundException;
import io.mibwatch.storage.SeriesStore;
import io.mibwatch.thresholds.rule.History;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules' view of stored values: the latest sample of each series as polled (so rules see
 * sibling values of the cycle being evaluated, e.g. ifAdminStatus next to ifOperStatus, before
 * they reach disk), else the RRD store at its finest resolution.
 */
public final class StoreHistory implements History {

    /** How far back a look-up searches for the last known value. */
    static final Duration LOOK_BACK = Duration.ofMinutes(15);

    private final SeriesStore store;
    private final Map<SeriesId, Sample> latest = new ConcurrentHashMap<>();

    public StoreHistory(SeriesStore store) {
        this.store = store;
    }

    /** Remembers the cycle's samples (call before evaluating them). */
    public void overlay(List<Sample> samples) {
        for (Sample s : samples) {
            latest.put(s.series(), s);
        }
    }

    @Override
    public OptionalDouble valueAt(SeriesId series, Instant at) {
        Sample s = latest.get(series);
        if (s != null && !s.at().isAfter(at)) {
            return s.isGap() ? OptionalDouble.empty() : OptionalDouble.of(s.value());
        }
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
