/**
 * The ahead-of-time compiled MIB catalog: a {@link io.mibwatch.catalog.mib.MibSet} saved in a compact,
 * versioned binary file, so the {@code mib}, {@code get} and {@code walk} commands name OIDs
 * without parsing MIB text each time (MIBs are parsed ahead of time; users only look up).
 */
package io.mibwatch.catalog.compiled;
