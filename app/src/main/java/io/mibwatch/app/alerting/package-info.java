/**
 * The daemon's alerting pipeline: config mapped onto the rule engine and notifiers
 * ({@link io.mibwatch.app.alerting.AlertingSetup}), the RRD store adapted to the rules'
 * {@link io.mibwatch.thresholds.rule.History} ({@link io.mibwatch.app.alerting.StoreHistory}), and
 * {@link io.mibwatch.app.alerting.Alerting}, which evaluates each finished poll cycle, persists
 * every change in one SQLite transaction and wakes the notification dispatcher.
 */
package io.mibwatch.app.alerting;
