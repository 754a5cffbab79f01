package io.mibwatch.storage;

import io.mibwatch.core.series.SeriesId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of a fetch: one value per row of the archive that answered.
 *
 * @param series the series fetched
 * @param step   the row width of the archive that answered (may be coarser than requested)
 * @param points one point per row, oldest first; {@code NaN} where the value is unknown
 */
public record SeriesData(SeriesId series, Duration step, List<Point> points) {

    public SeriesData {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(step, "step");
        points = List.copyOf(points);
    }

    /**
     * One row.
     *
     * @param at    the RRD row timestamp: the END of the interval {@code (at - step, at]} the value
     *              describes (RRD convention)
     * @param value the consolidated value, {@code NaN} if unknown
     */
    public record Point(Instant at, double value) {
        public Point {
            Objects.requireNonNull(at, "at");
        }
    }
}
