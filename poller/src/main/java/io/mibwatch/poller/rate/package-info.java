/**
 * Counter values to per-second rates: two successive observations of one counter
 * series in, a {@link io.mibwatch.poller.rate.RateResult.Rate} or a
 * {@link io.mibwatch.poller.rate.RateResult.Gap} with its reason out. Counter wraps
 * (RFC 2578 sections 7.1.6 and 7.1.10), agent restarts (sysUpTime) and
 * ifCounterDiscontinuityTime (RFC 2863 section 3.1.5) are handled here so that
 * a reboot never shows up as a spike in a graph or an alert.
 */
package io.mibwatch.poller.rate;
