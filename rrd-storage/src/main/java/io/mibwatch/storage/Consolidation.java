package io.mibwatch.storage;

/**
 * How rows of a coarser archive summarise the finer samples beneath them.
 *
 * <p>All three are stored for every archive because each answers a different question about the
 * same period: AVERAGE for volume/trends, MAX for peaks that averaging hides (a 5-minute
 * saturation vanishes in a 1-hour average), MIN for troughs (e.g. free space, or "did the link
 * ever go quiet").
 */
public enum Consolidation {
    AVERAGE,
    MIN,
    MAX
}
