package io.mibwatch.catalog.metric;

import java.util.Objects;

/** A table column named two ways: its dotted OID and its MIB descriptor ({@code MODULE::descriptor}). */
public record ColumnRef(String oid, String mib) {
    public ColumnRef {
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(mib, "mib");
        MetricDef.requireDottedOid(oid, mib);
    }
}
