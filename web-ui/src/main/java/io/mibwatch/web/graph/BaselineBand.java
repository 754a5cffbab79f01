package io.mibwatch.web.graph;

import io.mibwatch.storage.SeriesData;
import io.mibwatch.thresholds.baseline.BaselineTable;
import io.mibwatch.thresholds.baseline.SlotStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The learned baseline laid under a graph: for each point of the series, the statistics of the
 * time-of-day slot that point falls in. Pure.
 *
 * <p>An RRD row at {@code t} describes {@code (t - step, t]}; its middle decides the slot, the
 * same rule the baseline was learned with (app's RrdStoredHistory), so the band lines up with
 * the values it was learned from.
 */
public final class BaselineBand {

    private BaselineBand() {
    }

    /**
     * One point of the band; a slot without samples has {@code null} statistics.
     *
     * @param at    the row timestamp of the series point it belongs to
     * @param count samples the slot was learned from
     */
    public record Point(Instant at, int count, Double mean, Double p75, Double p90) {
    }

    public static List<Point> along(BaselineTable table, List<SeriesData.Point> points, Duration step) {
        Duration half = step.dividedBy(2);
        List<Point> out = new ArrayList<>(points.size());
        for (SeriesData.Point p : points) {
            SlotStats s = table.at(p.at().minus(half));
            out.add(new Point(p.at(), s.count(), known(s.mean()), known(s.p75()), known(s.p90())));
        }
        return out;
    }

    static Double known(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
