package io.mibwatch.thresholds.baseline;

import io.mibwatch.core.series.SeriesId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns and caches the baseline tables of a set of series from stored history, and relearns
 * them once per {@code refreshEvery} (a day by default) on its own thread, so polling and rule
 * evaluation never wait for it: {@link #forSeries} only reads the last published map.
 *
 * <p>Not pure (it reads storage and a clock); the maths is {@link BaselineTable#compute}. The
 * clock is injected so tests drive the daily refresh with a manual clock and
 * {@link #refreshIfDue()}.
 */
public final class BaselineService implements Baselines, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineService.class);

    /**
     * @param weeks        history to learn from (default 4)
     * @param widths       slot widths to learn (rules ask for one of them)
     * @param splitWeekend separate weekday and weekend rows (default on)
     * @param zone         the zone slots are local to
     * @param refreshEvery how often to relearn (default one day)
     */
    public record Settings(int weeks, Set<SlotWidth> widths, boolean splitWeekend, ZoneId zone, Duration refreshEvery) {
        public Settings {
            Objects.requireNonNull(widths, "widths");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(refreshEvery, "refreshEvery");
            if (weeks < 1) {
                throw new IllegalArgumentException("baseline history must be at least 1 week, got " + weeks);
            }
            if (widths.isEmpty()) {
                throw new IllegalArgumentException("baseline needs at least one slot width");
            }
            if (refreshEvery.isNegative() || refreshEvery.isZero()) {
                throw new IllegalArgumentException("baseline refresh interval must be positive, got " + refreshEvery);
            }
            widths = Set.copyOf(widths);
        }

        public static Settings defaults(ZoneId zone) {
            return new Settings(4, Set.of(SlotWidth.MIN_20, SlotWidth.MIN_60), true, zone, Duration.ofDays(1));
        }
    }

    private record Key(SeriesId series, SlotWidth width) {
    }

    private final StoredHistory store;
    private final Clock clock;
    private final Supplier<? extends Collection<SeriesId>> series;
    private final Settings settings;
    private volatile Map<Key, BaselineTable> tables = Map.of();
    private volatile Instant lastRefresh;
    private ScheduledExecutorService thread;

    /**
     * @param series which series to learn (asked at each refresh, so new series join the next day)
     */
    public BaselineService(StoredHistory store, Clock clock, Supplier<? extends Collection<SeriesId>> series,
                           Settings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.series = Objects.requireNonNull(series, "series");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Optional<BaselineTable> forSeries(SeriesId s, SlotWidth width) {
        return Optional.ofNullable(tables.get(new Key(s, width)));
    }

    /** When the tables were last learned, empty before the first time. */
    public Optional<Instant> lastRefresh() {
        return Optional.ofNullable(lastRefresh);
    }

    /** Relearns every table if none were learned yet or {@code refreshEvery} has passed. */
    public synchronized boolean refreshIfDue() {
        Instant now = clock.instant();
        if (lastRefresh != null && now.isBefore(lastRefresh.plus(settings.refreshEvery()))) {
            return false;
        }
        refresh(now);
        return true;
    }

    private void refresh(Instant now) {
        Instant from = now.minus(Duration.ofDays(7L * settings.weeks()));
        Map<Key, BaselineTable> next = new HashMap<>();
        for (SeriesId s : List.copyOf(series.get())) {
            for (SlotWidth w : settings.widths()) {
                try {
                    StoredHistory.Rows rows = store.history(s, from, now, w.duration());
                    next.put(new Key(s, w), BaselineTable.compute(rows.values(), rows.step(), w,
                            settings.splitWeekend(), settings.zone()));
                } catch (RuntimeException e) {
                    // one unreadable series must not cost the others their baseline; keep its old table
                    LOG.warn("baseline of {} ({} slots) not relearned: {}", s, w.label(), e.toString());
                    BaselineTable old = tables.get(new Key(s, w));
                    if (old != null) {
                        next.put(new Key(s, w), old);
                    }
                }
            }
        }
        tables = Map.copyOf(next);
        lastRefresh = now;
    }

    /**
     * Starts the background thread: it checks every {@code checkEvery} whether a refresh is due.
     * Checking often and refreshing by the clock (rather than sleeping a day) keeps the refresh
     * on time across suspends and clock changes.
     */
    public synchronized void start(Duration checkEvery) {
        if (thread != null) {
            throw new IllegalStateException("baseline service already started");
        }
        thread = refreshThread();
        thread.scheduleWithFixedDelay(() -> {
            try {
                refreshIfDue();
            } catch (RuntimeException e) {
                LOG.error("baseline refresh failed", e);
            }
        }, 0, checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    /** The one low-priority daemon thread a baseline learner refreshes on. */
    static ScheduledExecutorService refreshThread() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "baseline-refresh");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY); // learning can wait; polling cannot
            return t;
        });
    }

}
