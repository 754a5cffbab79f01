package io.mibwatch.app.baseline;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.SeriesStore;
import io.mibwatch.thresholds.baseline.StoredHistory;
import io.mibwatch.thresholds.baseline.TimedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Baseline history from the RRD store: AVERAGE rows at the finest resolution that still fits
 * a slot. The store answers a fetch with the finest archive that reaches back to {@code from},
 * else the one reaching furthest back; with the stock layout (5-minute rows for 14 days, hourly
 * for 93) four weeks at 5 minutes come back as hourly rows. Hourly rows suit 60-minute slots;
 * for 20-minute slots they say nothing about which slot, so the range is shortened (by bisection) until rows fit - with the stock layout a 20-minute baseline learns from the last 14
 * days of 5-minute rows (exactly what the default arming needs).
 */
public final class RrdStoredHistory implements StoredHistory {

    /** Finest rows asked for: 5-minute rows are what the stock layout keeps for two weeks. */
    static final Duration FINEST = Duration.ofMinutes(5);

    private final SeriesStore store;

    public RrdStoredHistory(SeriesStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The longest range ending at {@code to} the store answers with rows no coarser than
     * {@code maxStep}: a later start can only let a finer archive answer, so the earliest such
     * start is found by bisection (to {@code ask} precision), about a dozen fetches once a day.
     */
    private SeriesData latestFitting(SeriesId series, Instant from, Instant to, Duration ask, Duration maxStep) {
        long bad = from.getEpochSecond();
        long good = to.minus(ask).getEpochSecond();
        SeriesData best = store.fetch(series, Instant.ofEpochSecond(good), to, ask, Consolidation.AVERAGE);
        if (best.step().compareTo(maxStep) > 0) {
            return null;
        }
        while (good - bad > ask.toSeconds()) {
            long mid = bad + (good - bad) / 2;
            SeriesData d = store.fetch(series, Instant.ofEpochSecond(mid), to, ask, Consolidation.AVERAGE);
            if (d.step().compareTo(maxStep) <= 0) {
                good = mid;
                best = d;
            } else {
                bad = mid;
            }
        }
        return best;
    }

    @Override
    public Rows history(SeriesId series, Instant from, Instant to, Duration maxStep) {
        Duration ask = FINEST.compareTo(maxStep) <= 0 ? FINEST : maxStep;
        SeriesData d = store.fetch(series, from, to, ask, Consolidation.AVERAGE);
        if (d.step().compareTo(maxStep) > 0) {
            d = latestFitting(series, from, to, ask, maxStep);
            if (d == null) {
                return new Rows(maxStep, List.of()); // no rows fine enough: the baseline stays learning
            }
        }
        // an RRD row at t describes (t - step, t]: its middle decides the slot, so the row
        // ending at 03:00 belongs to 02:55..03:00, not to the slot starting at 03:00
        Duration half = d.step().dividedBy(2);
        List<TimedValue> out = new ArrayList<>(d.points().size());
        for (SeriesData.Point p : d.points()) {
            Instant mid = p.at().minus(half);
            if (!mid.isBefore(from) && mid.isBefore(to)) {
                out.add(new TimedValue(mid, p.value()));
            }
        }
        return new Rows(d.step(), out);
    }
}
