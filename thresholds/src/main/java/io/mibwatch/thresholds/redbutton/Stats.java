package io.mibwatch.thresholds.redbutton;

import java.util.Arrays;

/** Count, mean, median and 90th percentile of one set of values (NaN already removed). */
public record Stats(int count, double mean, double median, double p90) {

    public static Stats of(double[] values) {
        if (values.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return new Stats(v.length, sum / v.length, quantile(v, 0.5), quantile(v, 0.9));
    }

    /** Linear interpolation between closest ranks (Hyndman and Fan 1996, definition 7; Excel's PERCENTILE). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
