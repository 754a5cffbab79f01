package io.mibwatch.thresholds.baseline;

import io.mibwatch.config.ThresholdsConfig.BaselineReference;

/**
 * Statistics of one time-of-day slot. Percentiles by {@link Percentile#nearestRank}.
 *
 * @param count samples in the slot (gaps excluded)
 * @param mean  arithmetic mean, NaN if count is 0
 * @param p75   75th percentile, NaN if count is 0
 * @param p90   90th percentile, NaN if count is 0
 */
public record SlotStats(int count, double mean, double p75, double p90) {
    public static final SlotStats EMPTY = new SlotStats(0, Double.NaN, Double.NaN, Double.NaN);

    public SlotStats {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
    }

    /** The statistic a baseline rule's {@code reference} names: NaN, like it, if count is 0. */
    public double statistic(BaselineReference reference) {
        return switch (reference) {
            case MEAN -> mean;
            case P75 -> p75;
            case P90 -> p90;
        };
    }

    /** The statistics of some values (NaN already removed); EMPTY for none. */
    public static SlotStats of(double[] values) {
        if (values.length == 0) {
            return EMPTY;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new SlotStats(sorted.length, sum / sorted.length,
                Percentile.nearestRank(sorted, 75), Percentile.nearestRank(sorted, 90));
    }
}
