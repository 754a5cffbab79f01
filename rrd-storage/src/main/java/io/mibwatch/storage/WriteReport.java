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
 * @param outOfSpace        files whose write failed for want of disk space (their rows are kept
 *                          and tried again with the file's next write, within a bound); also
 *                          counted in {@code errors}
 */
public record WriteReport(int updates, int skippedOutOfOrder, List<String> errors, int outOfSpace) {

    public WriteReport {
        if (updates < 0 || skippedOutOfOrder < 0 || outOfSpace < 0) {
            throw new IllegalArgumentException("counts must be >= 0: updates=" + updates + " skippedOutOfOrder="
                    + skippedOutOfOrder + " outOfSpace=" + outOfSpace);
        }
        errors = List.copyOf(errors);
    }

    /** A report with no out-of-space failures. */
    public WriteReport(int updates, int skippedOutOfOrder, List<String> errors) {
        this(updates, skippedOutOfOrder, errors, 0);
    }

    /** True if nothing went wrong (skipped out-of-order samples are not errors). */
    public boolean ok() {
        return errors.isEmpty();
    }
}
