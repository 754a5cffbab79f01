package io.mibwatch.catalog.metric;

import java.util.Objects;

/**
 * Keeps only the rows whose integer column equals a value, e.g. the ENTITY-SENSOR-MIB
 * rows with entPhySensorType celsius(8) for a temperature group (RFC 3433).
 */
public record RowFilter(ColumnRef column, long equals) {
    public RowFilter {
        Objects.requireNonNull(column, "column");
    }
}
