package io.mibwatch.catalog.mib;

/** One INDEX object of a conceptual row; IMPLIED drops the length prefix (RFC 2578 section 7.7). */
public record IndexPart(String descriptor, boolean implied) {

    @Override
    public String toString() {
        return implied ? "IMPLIED " + descriptor : descriptor;
    }
}
