/**
 * Reference thresholds: per metric, the warning/critical levels, direction, re-arm and
 * duration that a vendor, an RFC or an established tool states, with the mandatory
 * {@code source} citing it. Data, validation and lookup only; evaluating rules is the
 * thresholds module's job.
 */
package io.mibwatch.catalog.threshold;
