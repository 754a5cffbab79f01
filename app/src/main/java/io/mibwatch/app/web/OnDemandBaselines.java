package io.mibwatch.app.web;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.baseline.BaselineService;
import io.mibwatch.thresholds.baseline.BaselineTable;
import io.mibwatch.thresholds.baseline.Baselines;
import io.mibwatch.thresholds.baseline.SlotWidth;
import io.mibwatch.thresholds.baseline.StoredHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Baselines for graphs, learned when a graph first asks and kept for {@code keep}. The daemon's
 * {@link BaselineService} learns only the series its baseline rules name; a graph may show any
 * series, so the web learns on demand with the same maths ({@link BaselineTable#compute}) and
 * the same settings (weeks, weekday/weekend split, zone). An hour's staleness is invisible in a
 * band of 20-minute slots learned over weeks.
 */
public final class OnDemandBaselines implements Baselines {
    private record Key(SeriesId series, SlotWidth width) {
    }

    private record Learned(Optional<BaselineTable> table, Instant at) {
    }

    private final StoredHistory history;
    private final BaselineService.Settings settings;
    private final Clock clock;
    private final Duration keep;
    private final Map<Key, Learned> cache = new ConcurrentHashMap<>();

    public OnDemandBaselines(StoredHistory history, BaselineService.Settings settings, Clock clock, Duration keep) {
        this.history = Objects.requireNonNull(history, "history");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keep = Objects.requireNonNull(keep, "keep");
    }

    @Override
    public Optional<BaselineTable> forSeries(SeriesId series, SlotWidth width) {
        Instant now = clock.instant();
        Key key = new Key(series, width);
        Learned l = cache.get(key);
        if (l == null || !now.isBefore(l.at().plus(keep))) {
            l = new Learned(learn(series, width, now), now);
            cache.put(key, l);
        }
        return l.table();
    }

    private Optional<BaselineTable> learn(SeriesId series, SlotWidth width, Instant now) {
        Instant from = now.minus(Duration.ofDays(7L * settings.weeks()));
        try {
            StoredHistory.Rows rows = history.history(series, from, now, width.duration());
            return Optional.of(BaselineTable.compute(rows.values(), rows.step(), width, settings.splitWeekend(),
                    settings.zone()));
        } catch (RuntimeException e) {
            // not stored or unreadable: the graph shows "learning" and its own error for the line
            return Optional.empty();
        }
    }
}
