package io.mibwatch.catalog.mib;

/**
 * One range of a subtype constraint, e.g. {@code 0..255} or a single value {@code 6} (min == max).
 * Bounds are kept as written-in-decimal text because Counter64/Unsigned64 bounds exceed a long;
 * {@code MIN}/{@code MAX} stay symbolic.
 */
public record Range(String min, String max) {

    @Override
    public String toString() {
        return min.equals(max) ? min : min + ".." + max;
    }
}
