/**
 * Workflows that join the red button's analysis with the event store, shared by the CLI and the
 * web API ({@link io.mibwatch.thresholds.wiring.RedButtonWorkflow}).
 */
package io.mibwatch.thresholds.wiring;
