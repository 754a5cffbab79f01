package io.mibwatch.storage;

import io.mibwatch.core.series.SeriesId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * History written straight into the archives of new RRD files (see
 * {@link RrdSeriesStore#backfill}), for series whose past is known in closed form - a simulator's
 * model - rather than polled. Replaying weeks of polls through RRD's update path costs one update
 * per poll per file; writing consolidated rows costs one array per archive.
 */
public final class Backfill {

    private Backfill() {
    }

    /**
     * Consolidated rows of one archive resolution: row k covers {@code (end_k - resolution, end_k]}
     * (rrdtool's convention) with {@code end_k = firstEnd + k * resolution}. NaN is unknown.
     */
    public record Rows(double[] average, double[] min, double[] max) {
        public Rows {
            Objects.requireNonNull(average, "average");
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.length != average.length || max.length != average.length) {
                throw new IllegalArgumentException("average, min and max rows differ in length: "
                        + average.length + ", " + min.length + ", " + max.length);
            }
        }

        double[] of(Consolidation cf) {
            return switch (cf) {
                case AVERAGE -> average;
                case MIN -> min;
                case MAX -> max;
            };
        }
    }

    /** Computes the rows of one series; called once per series and archive resolution. */
    @FunctionalInterface
    public interface RowSource {
        /**
         * @return exactly {@code count} rows for {@code series} at {@code resolution}, the first ending at {@code firstEnd}
         */
        Rows rows(SeriesId series, Duration resolution, Instant firstEnd, int count);
    }

    /**
     * What a backfill did.
     *
     * @param files  RRD files created
     * @param rows   archive rows written (per data source and consolidation function)
     * @param errors one line per file that could not be created or filled (path and cause); the
     *               others were still written
     */
    public record Report(int files, long rows, List<String> errors) {
        public Report {
            errors = List.copyOf(errors);
        }
    }
}
