package io.mibwatch.catalog.metric;

import io.mibwatch.core.series.ValueKind;
import java.util.Objects;

/**
 * The 32-bit column to poll when an agent has no 64-bit (HC) column for an
 * instance. RFC 2863 section 3.1.6 requires the HC counters only for interfaces
 * faster than 20 Mbit/s, and many small devices (printers, UPS cards) implement
 * only the ifTable. The series keeps its name; only the counter width changes,
 * so the rate stage must wrap at 2^32 instead of 2^64.
 */
public record Fallback(String oid, ValueKind kind, String mib) {
    public Fallback {
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mib, "mib");
        MetricDef.requireDottedOid(oid, "fallback of " + mib);
    }
}
