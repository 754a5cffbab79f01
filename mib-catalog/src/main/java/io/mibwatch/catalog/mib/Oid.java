package io.mibwatch.catalog.mib;

import java.util.Arrays;

/**
 * An OBJECT IDENTIFIER value: a sequence of non-negative arcs (RFC 2578 section 3.5; arcs are
 * unsigned 32-bit, so they are kept as longs here).
 */
public final class Oid implements Comparable<Oid> {

    public static final Oid ROOT = new Oid(new long[0]);

    private final long[] arcs;

    private Oid(long[] arcs) {
        this.arcs = arcs;
    }

    public static Oid of(long... arcs) {
        return new Oid(arcs.clone());
    }

    /**
     * Parses dotted decimal ({@code 1.3.6.1}, a leading dot allowed).
     *
     * @throws IllegalArgumentException naming the text when it is not dotted decimal
     */
    public static Oid parse(String dotted) {
        String t = dotted.startsWith(".") ? dotted.substring(1) : dotted;
        if (t.isEmpty()) {
            return ROOT;
        }
        String[] parts = t.split("\\.", -1);
        long[] a = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            boolean digits = !parts[i].isEmpty() && parts[i].chars().allMatch(c -> c >= '0' && c <= '9');
            if (!digits) {
                throw new IllegalArgumentException("not a dotted-decimal OID: '" + dotted + "'");
            }
            // too long for a long is out of range too, not "not a number"
            a[i] = parts[i].length() > 10 ? -1 : Long.parseLong(parts[i]);
            if (a[i] < 0 || a[i] > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("sub-identifier " + parts[i] + " is out of range 0..4294967295 in OID '"
                        + dotted + "'");
            }
        }
        return new Oid(a);
    }

    public int size() {
        return arcs.length;
    }

    public long arc(int i) {
        return arcs[i];
    }

    public long[] arcs() {
        return arcs.clone();
    }

    public Oid child(long arc) {
        long[] a = Arrays.copyOf(arcs, arcs.length + 1);
        a[arcs.length] = arc;
        return new Oid(a);
    }

    public Oid prefix(int n) {
        return new Oid(Arrays.copyOf(arcs, n));
    }

    public Oid suffix(int from) {
        return new Oid(Arrays.copyOfRange(arcs, from, arcs.length));
    }

    public boolean startsWith(Oid p) {
        if (p.arcs.length > arcs.length) {
            return false;
        }
        return Arrays.equals(arcs, 0, p.arcs.length, p.arcs, 0, p.arcs.length);
    }

    @Override
    public int compareTo(Oid o) {
        return Arrays.compare(arcs, o.arcs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Oid other && Arrays.equals(arcs, other.arcs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(arcs);
    }

    /** Dotted decimal without a leading dot, as snmptranslate -On prints it minus the dot. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(arcs.length * 3);
        for (int i = 0; i < arcs.length; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(arcs[i]);
        }
        return b.toString();
    }
}
