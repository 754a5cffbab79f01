/**
 * Threshold rules, learned baselines, Apdex and the alert lifecycle. Sees
 * {@link io.mibwatch.core.series.Sample}s and a read-only history; never imports
 * poller or storage types. The alert loop itself (evaluate, track, persist, notify) is
 * {@link io.mibwatch.thresholds.pipeline.AlertPipeline}.
 */
package io.mibwatch.thresholds;
