package io.mibwatch.catalog.mib;

/** An enumeration label of INTEGER or a bit name of BITS (RFC 2578 sections 7.1.1 and 7.1.4). */
public record NamedNumber(String name, long number) {

    @Override
    public String toString() {
        return name + "(" + number + ")";
    }
}
