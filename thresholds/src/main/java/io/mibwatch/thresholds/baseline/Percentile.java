package io.mibwatch.thresholds.baseline;

/**
 * Percentiles by the <b>nearest-rank</b> method (Hyndman and Fan's definition 1, the
 * "inverse of the empirical distribution function"): the p-th percentile of n values is the
 * smallest observed value x such that at least p % of the values are &lt;= x, i.e.
 * {@code sorted[ceil(p * n / 100) - 1]}. No interpolation: the answer is always a value that
 * was measured, which is what "drop the worst 25 %" means - p75 is the largest value left
 * after dropping the highest quarter.
 */
public final class Percentile {
    private Percentile() {
    }

    /**
     * @param sorted  values in ascending order, no NaN, at least one
     * @param percent the percentile, 1..100
     */
    public static double nearestRank(double[] sorted, int percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("percentile of no values");
        }
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percentile " + percent + " is outside 1..100");
        }
        // ceil(p * n / 100) in integer arithmetic: exact, no floating-point rank off by one
        long rank = ((long) percent * sorted.length + 99) / 100;
        return sorted[(int) rank - 1];
    }
}
