/**
 * The ahead-of-time compiled MIB catalog: a {@link io.mibwatch.catalog.mib.MibSet} saved in a compact,
 * versioned binary file so the daemon starts without parsing MIB text (mib-catalog parses
 * ahead of time, the poller only looks up).
 */
package io.mibwatch.catalog.compiled;
