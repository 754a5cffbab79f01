/**
 * The alert loop as one object: {@link io.mibwatch.thresholds.pipeline.AlertPipeline} takes each
 * {@link io.mibwatch.thresholds.pipeline.DeviceCycle} through rules, tracker, store and notifier.
 * {@link io.mibwatch.thresholds.pipeline.AlertingSetup} maps the config onto the rules and
 * notifiers; {@link io.mibwatch.thresholds.pipeline.AlertPersistence} maps tracker values onto the
 * store's rows and notifications and back. Stored series come in through
 * {@link io.mibwatch.thresholds.pipeline.StoredData}, so this package never reads RRD files itself.
 */
package io.mibwatch.thresholds.pipeline;
