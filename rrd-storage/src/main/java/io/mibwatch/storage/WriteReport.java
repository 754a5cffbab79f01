package io.mibwatch.storage;

import java.util.List;

/**
 * What one {@link SeriesStore#write} did. A write never throws for one bad file, because one
 * corrupt or unwritable file must not stop the other devices' data from being stored; instead
 * every problem is listed here.
 *
 * @param updates           RRD updates performed (one per file and timestamp, however many data
 *                          sources it carried)
 * @param skippedOutOfOrder samples skipped because their timestamp was at or before the file's
 *                          last update (RRD accepts strictly increasing timestamps only)
 * @param errors            one line per problem, each naming the file path (or series) and the cause
 */
public record WriteReport(int updates, int skippedOutOfOrder, List<String> errors) {

    public WriteReport {
        if (updates < 0 || skippedOutOfOrder < 0) {
            throw new IllegalArgumentException(
                    "counts must be >= 0: updates=" + updates + " skippedOutOfOrder=" + skippedOutOfOrder);
        }
        errors = List.copyOf(errors);
    }

    /** True if nothing went wrong (skipped out-of-order samples are not errors). */
    public boolean ok() {
        return errors.isEmpty();
    }
}
