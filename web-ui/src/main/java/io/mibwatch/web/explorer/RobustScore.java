package io.mibwatch.web.explorer;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * How far each value of a population lies from the rest, robustly: the modified z-score of
 * Iglewicz and Hoaglin (1993, "How to Detect and Handle Outliers", ASQC vol. 16),
 * {@code M_i = 0.6745 (x_i - median) / MAD}, with MAD the median absolute deviation from the
 * median. Median and MAD ignore the outliers they are looking for, where mean and standard
 * deviation would be dragged towards them (one runaway node out of ten raises the mean and the
 * SD enough to hide itself). The authors recommend flagging {@code |M_i| > 3.5}. Pure.
 *
 * <p>When more than half of the values are equal the MAD is 0; then the mean absolute deviation
 * stands in, scaled by 1.2533 (sqrt(pi/2), its ratio to the SD for normal data, as 0.6745 is the
 * MAD's): {@code (x - median) / (1.2533 * meanAD)}. When every value is equal no value stands out.
 */
public final class RobustScore {
    /** Iglewicz and Hoaglin's cut-off for the modified z-score. */
    public static final double OUTLIER = 3.5;
    /** Fewer values than this have no population to stand out from. */
    public static final int MIN_POPULATION = 3;

    private RobustScore() {
    }

    /**
     * The population's centre and spread, and a score per value (NaN values are not part of the
     * population and get no score).
     *
     * @param scores per input value; empty for NaN inputs or when the population is too small
     */
    public record Result(double median, double mad, OptionalDouble[] scores) {
        public boolean outlier(int i) {
            return scores[i].isPresent() && Math.abs(scores[i].getAsDouble()) > OUTLIER;
        }
    }

    public static Result of(double[] values) {
        double[] known = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        OptionalDouble[] scores = new OptionalDouble[values.length];
        Arrays.fill(scores, OptionalDouble.empty());
        if (known.length == 0) {
            return new Result(Double.NaN, Double.NaN, scores);
        }
        double median = median(known);
        double[] dev = Arrays.stream(known).map(v -> Math.abs(v - median)).sorted().toArray();
        double mad = median(dev);
        if (known.length < MIN_POPULATION) {
            return new Result(median, mad, scores);
        }
        double meanAd = Arrays.stream(dev).average().orElse(0);
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (mad > 0) {
                scores[i] = OptionalDouble.of(0.6745 * (v - median) / mad);
            } else if (meanAd > 0) {
                scores[i] = OptionalDouble.of((v - median) / (1.2533 * meanAd));
            } else {
                scores[i] = OptionalDouble.of(0);
            }
        }
        return new Result(median, mad, scores);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
