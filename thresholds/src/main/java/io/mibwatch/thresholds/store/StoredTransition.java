package io.mibwatch.thresholds.store;

import java.util.Objects;

/** A transition as read back: its store-assigned sequence number (ascending in commit order) and the row. */
public record StoredTransition(long seq, TransitionRow row) {
    public StoredTransition {
        Objects.requireNonNull(row, "row");
    }
}
