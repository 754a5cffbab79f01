/**
 * Storage of time series for mibwatch: {@link io.mibwatch.storage.SeriesStore} and its RRD4J
 * implementation {@link io.mibwatch.storage.RrdSeriesStore}.
 *
 * <p>Rates are computed upstream (counter wrap and reset handling happen in the poller, RFC 2578
 * section 7.1.6 / 7.1.10), so every data source here is an RRD {@code GAUGE} holding either a
 * per-second rate or a gauge value, and {@code NaN} always means "unknown" (a gap), never zero.
 *
 * <p>Files live under the data directory as {@code <device>/<group>/<instance>.rrd}; see
 * {@link io.mibwatch.storage.RrdSeriesStore} for the full layout and its reasons.
 */
package io.mibwatch.storage;
