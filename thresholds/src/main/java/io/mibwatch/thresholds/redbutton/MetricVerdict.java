package io.mibwatch.thresholds.redbutton;

import io.mibwatch.core.series.SeriesId;
import java.util.OptionalDouble;

/**
 * How one metric behaved while users complained.
 *
 * @param complaint     values in complaint windows (users frustrated)
 * @param normal        values in active, complaint-free time (users satisfied)
 * @param test          complaint vs normal: p-value and Cliff's delta (> 0: higher during complaints)
 * @param significant   p < 0.05 and |delta| >= {@link RedButton#MIN_EFFECT}
 * @param tFrustrated   suggested frustration level (empty when not significant or when the metric
 *                      moved the "good" way during complaints)
 * @param tSatisfied    suggested satisfied level
 * @param apdexT        the Apdex T consistent with tFrustrated (frustrated above 4T): tFrustrated / 4
 *                      for lower-is-better metrics, tFrustrated * 4 for higher-is-better
 */
public record MetricVerdict(SeriesId series, boolean lowerIsBetter, Stats complaint, Stats normal, RankTest test,
                            boolean significant, OptionalDouble tFrustrated, OptionalDouble tSatisfied,
                            OptionalDouble apdexT) {
}
