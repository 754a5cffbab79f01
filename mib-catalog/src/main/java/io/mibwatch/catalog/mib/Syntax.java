package io.mibwatch.catalog.mib;

import java.util.List;

/**
 * The SYNTAX of an object or textual convention (RFC 2578 section 7.1, RFC 2579 section 3).
 *
 * @param declared     the type as written, e.g. {@code DisplayString}, {@code INTEGER},
 *                     {@code SEQUENCE OF IfEntry}
 * @param base         the ASN.1/SMI base type after following textual conventions and type
 *                     assignments: {@code INTEGER, Integer32, Unsigned32, Counter32, Counter64,
 *                     Gauge32, TimeTicks, IpAddress, Opaque, OCTET STRING, OBJECT IDENTIFIER, BITS,
 *                     SEQUENCE, SEQUENCE OF, CHOICE, NULL} (SMIv1's Counter, Gauge, NetworkAddress too);
 *                     the declared name itself when it cannot be resolved
 * @param tc           the nearest textual convention the declared type goes through, or null
 * @param sizes        SIZE constraint ranges (octet strings), empty when none
 * @param ranges       value ranges (integers), empty when none
 * @param namedNumbers enumeration labels (INTEGER) or bit names (BITS), empty when none
 */
public record Syntax(String declared, String base, String tc, List<Range> sizes, List<Range> ranges,
                     List<NamedNumber> namedNumbers) {

    public Syntax {
        sizes = List.copyOf(sizes);
        ranges = List.copyOf(ranges);
        namedNumbers = List.copyOf(namedNumbers);
    }

    /** The label of {@code number}, or null. */
    public String nameOf(long number) {
        for (NamedNumber n : namedNumbers) {
            if (n.number() == number) {
                return n.name();
            }
        }
        return null;
    }

    public boolean isBits() {
        return "BITS".equals(base);
    }

    /** The syntax as a MIB would write it: {@code DisplayString (SIZE (0..255))}, {@code INTEGER {up(1), down(2)}}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(declared);
        if (!namedNumbers.isEmpty()) {
            b.append(' ').append(namedNumbers.toString().replace('[', '{').replace(']', '}'));
        }
        if (!sizes.isEmpty()) {
            b.append(" (SIZE (").append(join(sizes)).append("))");
        }
        if (!ranges.isEmpty()) {
            b.append(" (").append(join(ranges)).append(')');
        }
        return b.toString();
    }

    private static String join(List<Range> rs) {
        StringBuilder b = new StringBuilder();
        for (Range r : rs) {
            if (b.length() > 0) {
                b.append(" | ");
            }
            b.append(r);
        }
        return b.toString();
    }
}
