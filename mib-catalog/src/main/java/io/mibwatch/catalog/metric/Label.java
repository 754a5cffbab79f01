package io.mibwatch.catalog.metric;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the human name of a group's instance comes from: a text column of the same
 * row (e.g. hrStorageDescr, ciscoMemoryPoolName), or, with {@code via}, a column of
 * another table indexed by the value of a pointer column of the row (e.g.
 * entPhysicalName indexed by cpmCPUTotalPhysicalIndex, RFC 4133 entPhysicalTable).
 */
public record Label(ColumnRef column, Optional<ColumnRef> via) {
    public Label {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(via, "via");
    }
}
