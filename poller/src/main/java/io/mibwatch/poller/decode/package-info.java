/**
 * Decoding: the varbinds of one poll become {@link io.mibwatch.core.series.Reading}s,
 * plus the sysUpTime and discontinuity times the rate stage needs. Pure.
 */
package io.mibwatch.poller.decode;
