package io.mibwatch.web.graph;

import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.SeriesData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges neighbouring rows when a fetch returned more than a chart can show (a device polled
 * every 10 s, or an archive finer than the range asked for). Pure.
 *
 * <p>Rows merge the way RRD consolidates them (rrdtool's RRA semantics): AVERAGE takes the mean of
 * the known rows, MIN the smallest, MAX the largest, so a MAX graph still shows the peak a mean
 * would hide. Unknown (NaN) rows are skipped; a bucket with no known row stays unknown, never zero.
 * A merged row keeps the RRD convention: its timestamp is the END of the interval it covers.
 */
public final class Downsample {

    private Downsample() {
    }

    /** The result: points and the row width they now have. */
    public record Result(Duration step, List<SeriesData.Point> points) {
        public Result {
            points = List.copyOf(points);
        }
    }

    /**
     * @param maxPoints at most this many points come back (at least 1)
     */
    public static Result apply(List<SeriesData.Point> points, Duration step, Consolidation cf, int maxPoints) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1, got " + maxPoints);
        }
        if (points.size() <= maxPoints) {
            return new Result(step, points);
        }
        int factor = (points.size() + maxPoints - 1) / maxPoints;
        List<SeriesData.Point> out = new ArrayList<>(points.size() / factor + 1);
        for (int start = 0; start < points.size(); start += factor) {
            int end = Math.min(points.size(), start + factor);
            double acc = Double.NaN;
            int known = 0;
            for (int i = start; i < end; i++) {
                double v = points.get(i).value();
                if (Double.isNaN(v)) {
                    continue;
                }
                acc = known == 0 ? v : switch (cf) {
                    case AVERAGE -> acc + v;
                    case MIN -> Math.min(acc, v);
                    case MAX -> Math.max(acc, v);
                };
                known++;
            }
            if (cf == Consolidation.AVERAGE && known > 0) {
                acc = acc / known;
            }
            out.add(new SeriesData.Point(points.get(end - 1).at(), acc));
        }
        return new Result(step.multipliedBy(factor), out);
    }
}
