package io.mibwatch.thresholds.pipeline;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.rule.History;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules' view of stored values: the latest sample of each series as received (so rules see
 * sibling values of the cycle being evaluated, e.g. ifAdminStatus next to ifOperStatus, before
 * they reach disk), else the stored values behind it.
 */
final class LatestSamples implements History {

    private final History stored;
    private final Map<SeriesId, Sample> latest = new ConcurrentHashMap<>();

    LatestSamples(History stored) {
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    /** Remembers the cycle's samples (call before evaluating them). */
    void overlay(List<Sample> samples) {
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
        return stored.valueAt(series, at);
    }
}
