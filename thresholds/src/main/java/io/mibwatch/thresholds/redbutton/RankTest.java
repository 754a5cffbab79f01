package io.mibwatch.thresholds.redbutton;

import java.util.Arrays;

/**
 * Mann-Whitney U test (Mann and Whitney 1947) of sample a against sample b, with the normal
 * approximation (tie-corrected variance, continuity correction 0.5) for the two-sided p-value,
 * and Cliff's delta (Cliff 1993) as the effect size: delta = P(a > b) - P(a < b) = 2U_a/(n_a n_b) - 1,
 * which equals the rank-biserial correlation. Delta > 0: a tends to be larger.
 *
 * <p>The normal approximation is fine from about 8 values per side; below that p is rough, which
 * the minimum number of complaints guards against anyway.
 */
public record RankTest(double u, double z, double p, double delta) {

    public static RankTest of(double[] a, double[] b) {
        int na = a.length;
        int nb = b.length;
        if (na == 0 || nb == 0) {
            return new RankTest(Double.NaN, Double.NaN, 1.0, 0.0);
        }
        int n = na + nb;
        double[] all = new double[n];
        boolean[] fromA = new boolean[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < na; i++) {
            all[i] = a[i];
            fromA[i] = true;
        }
        System.arraycopy(b, 0, all, na, nb);
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(all[x], all[y]));
        double rankSumA = 0;
        double tieTerm = 0; // sum of t^3 - t over tie groups
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && all[order[j + 1]] == all[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1; // ranks are 1-based; ties share the mean rank
            for (int k = i; k <= j; k++) {
                if (fromA[order[k]]) {
                    rankSumA += midRank;
                }
            }
            double t = j - i + 1;
            tieTerm += t * t * t - t;
            i = j + 1;
        }
        double u = rankSumA - na * (na + 1) / 2.0;
        double mean = na * (double) nb / 2.0;
        double variance = na * (double) nb / 12.0 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
        double delta = 2 * u / ((double) na * nb) - 1;
        if (variance <= 0) {
            return new RankTest(u, 0, 1.0, delta); // every value equal: nothing separates
        }
        double diff = Math.abs(u - mean) - 0.5;
        double z = Math.max(diff, 0) / Math.sqrt(variance) * Math.signum(u - mean);
        double p = Math.min(1.0, erfc(Math.abs(z) / Math.sqrt(2)));
        return new RankTest(u, z, p, delta);
    }

    /**
     * Complementary error function, Numerical Recipes' erfcc (Chebyshev fit, fractional error
     * below 1.2e-7 everywhere); two-sided normal p = erfc(|z| / sqrt 2).
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }
}
