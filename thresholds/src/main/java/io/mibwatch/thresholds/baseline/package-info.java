/**
 * Learned time-of-day baselines: per-slot statistics of a series' history
 * ({@link io.mibwatch.thresholds.baseline.BaselineTable}, pure), their arming rule, and the
 * service that keeps them fresh from stored history. The rule that alerts against them is
 * {@link io.mibwatch.thresholds.rule.BaselineRule} (in the rule package: {@code Rule} is sealed).
 */
package io.mibwatch.thresholds.baseline;
