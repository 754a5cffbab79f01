package io.mibwatch.catalog.metric;

/** How the poller turns a {@link MetricDef#oid()} into the exact OID it GETs. */
public enum Indexing {
    /** A scalar: the instance is {@code .0} (RFC 2578 section 7.7, scalars have instance 0). */
    SCALAR,
    /** A table column: one instance per row index found by discovery, e.g. {@code ifHCInOctets.3}. */
    COLUMN,
    /**
     * One fixed row of a table whose rows never change, named completely by the OID,
     * e.g. UCD-SNMP-MIB {@code laLoadInt.1} (the laTable rows 1, 2, 3 are always the
     * 1, 5 and 15 minute averages). Polled as is.
     */
    FIXED_ROW
}
