package io.mibwatch.catalog.metric;

import io.mibwatch.core.series.ValueKind;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One metric the poller can collect: a data source (DS) of the group's RRD file.
 *
 * @param group      the metric group, e.g. {@code interfaces}; also the series group
 * @param name       the RRD DS name and series metric, e.g. {@code inOctets}; at most
 *                   19 characters of {@code [A-Za-z0-9_]} so the file is readable by
 *                   rrdtool too (its DS_NAM_SIZE is 20 including the terminating NUL)
 * @param oid        column OID, or scalar OID without the {@code .0} instance, or for
 *                   {@link Indexing#FIXED_ROW} the complete OID; for a derived metric the
 *                   column it is derived from
 * @param kind       counter width or gauge
 * @param unit       unit of the stored value after {@code conversion} ({@code bytes}, {@code %}, ...)
 * @param mib        the MIB object, {@code MODULE::descriptor}
 * @param reference  where the meaning is defined (RFC and section, or the MIB module)
 * @param indexing   how the instance OID is formed
 * @param fallback   the 32-bit column to use when the agent lacks this 64-bit one
 * @param conversion how the polled value becomes the stored one
 */
public record MetricDef(String group, String name, String oid, ValueKind kind, String unit, String mib,
                        String reference, Indexing indexing, Optional<Fallback> fallback, Conversion conversion) {

    /** rrdtool's limit (DS_NAM_SIZE 20 with the NUL) is stricter than RRD4J's 20; honour both. */
    public static final int MAX_DS_NAME_LENGTH = 19;

    private static final Pattern DS_NAME = Pattern.compile("[A-Za-z0-9_]{1," + MAX_DS_NAME_LENGTH + "}");
    private static final Pattern DOTTED_OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]{0,9}))+");

    public MetricDef {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(mib, "mib");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(indexing, "indexing");
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(conversion, "conversion");
        if (!DS_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric " + group + "/" + name
                    + ": DS name must match " + DS_NAME.pattern());
        }
        requireDottedOid(oid, "metric " + group + "/" + name);
        if (kind.isCounter() && !(conversion instanceof Conversion.Identity)) {
            // the rate stage needs the raw counter to see wraps and resets
            throw new IllegalArgumentException("metric " + group + "/" + name
                    + ": a counter cannot be converted, got " + conversion);
        }
        if (conversion.derived() && kind != io.mibwatch.core.series.ValueKind.GAUGE) {
            throw new IllegalArgumentException("metric " + group + "/" + name + ": a derived value is a gauge, got " + kind);
        }
        if (fallback.isPresent() && !kind.isCounter()) {
            throw new IllegalArgumentException("metric " + group + "/" + name + ": only counters have a 32-bit fallback");
        }
    }

    /** A metric read as polled, without fallback. */
    public static MetricDef of(String group, String name, String oid, ValueKind kind, String unit, String mib,
                               String reference, Indexing indexing) {
        return new MetricDef(group, name, oid, kind, unit, mib, reference, indexing, Optional.empty(),
                Conversion.IDENTITY);
    }

    /** True if the value is computed from other metrics instead of being polled. */
    public boolean derived() {
        return conversion.derived();
    }

    static void requireDottedOid(String oid, String where) {
        if (!DOTTED_OID.matcher(oid).matches()) {
            throw new IllegalArgumentException(where + ": OID '" + oid
                    + "' is not a dotted OID (digits separated by dots, starting with 0, 1 or 2)");
        }
        for (String sub : oid.split("\\.")) {
            if (Long.parseLong(sub) > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException(where + ": OID '" + oid
                        + "' has sub-identifier " + sub + " above 2^32-1 (RFC 2578 section 3.5)");
            }
        }
    }
}
