/**
 * Threshold rules, learned baselines, Apdex and the alert lifecycle. Sees
 * {@link io.mibwatch.core.series.Sample}s and a read-only history; never imports
 * poller or storage types. Built by the thresholds issue.
 */
package io.mibwatch.thresholds;
