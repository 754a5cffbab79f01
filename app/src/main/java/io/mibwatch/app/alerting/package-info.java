/**
 * The daemon's side of the alert pipeline: the RRD store adapted to the rules'
 * {@link io.mibwatch.thresholds.rule.History} ({@link io.mibwatch.app.alerting.StoreHistory}) and
 * {@link io.mibwatch.app.alerting.AlertingWiring}, which opens the
 * {@link io.mibwatch.thresholds.pipeline.AlertPipeline} over it and turns poll cycles into its input.
 */
package io.mibwatch.app.alerting;
