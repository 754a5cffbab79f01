/**
 * Apdex (Application Performance Index, apdex.org "Apdex Technical Specification" v1.1):
 * samples of a response-like metric against a target T are satisfied (x <= T), tolerating
 * (T < x <= 4T) or frustrated (x > 4T); the score is (satisfied + tolerating / 2) / total.
 * Pure functions over {@link io.mibwatch.core.series.Sample}s; no storage or poller types.
 */
package io.mibwatch.thresholds.apdex;
