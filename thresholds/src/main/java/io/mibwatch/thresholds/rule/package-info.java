/**
 * Rule kinds (a sealed interface of records with a pure {@code evaluate}), their per-series
 * state, the rule set with its defaults (catalog reference thresholds, percentage default,
 * reboot / interface-down / unreachable event rules) and overrides, and the engine that holds
 * rule state. Sees {@link io.mibwatch.core.series.Sample}s and a read-only
 * {@link io.mibwatch.thresholds.rule.History}; never poller or storage types.
 */
package io.mibwatch.thresholds.rule;
