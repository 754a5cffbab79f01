package io.mibwatch.catalog.mib;

/**
 * Human renderings of values by what the MIB says about them: enumerations as {@code up(1)}
 * (the net-snmp style), BITS by name, TimeTicks as days and clock time, DISPLAY-HINTs.
 */
public final class ValueText {

    private ValueText() {
    }

    /** An INTEGER by its enumeration or DISPLAY-HINT; the plain number otherwise. */
    public static String integer(MibNode node, long value) {
        Syntax s = node == null ? null : node.syntax();
        if (s != null && !s.namedNumbers().isEmpty() && !s.isBits()) {
            String label = s.nameOf(value);
            return label != null ? label + "(" + value + ")" : Long.toString(value);
        }
        String hinted = node == null ? null : DisplayHint.formatInteger(node.displayHint(), value);
        return hinted != null ? hinted : Long.toString(value);
    }

    /** An OCTET STRING by its DISPLAY-HINT or BITS names; null when the MIB says nothing useful. */
    public static String octets(MibNode node, byte[] value) {
        if (node == null || node.syntax() == null) {
            return null;
        }
        if (node.syntax().isBits()) {
            return bits(node.syntax(), value);
        }
        return DisplayHint.formatOctets(node.displayHint(), value);
    }

    /** BITS (RFC 2578 section 7.1.4: bit 0 is the most significant bit of the first octet). */
    public static String bits(Syntax syntax, byte[] value) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length * 8; i++) {
            if ((value[i / 8] & (0x80 >> (i % 8))) != 0) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                String name = syntax.nameOf(i);
                b.append(name != null ? name : "").append('(').append(i).append(')');
            }
        }
        return b.toString();
    }

    /** TimeTicks (hundredths of a second, RFC 2578 section 7.1.8) as {@code 3 days, 4:05:06.07}. */
    public static String timeTicks(long ticks) {
        long cs = ticks % 100;
        long s = ticks / 100;
        long days = s / 86400;
        s %= 86400;
        String clock = String.format("%d:%02d:%02d.%02d", s / 3600, (s / 60) % 60, s % 60, cs);
        return days == 0 ? clock : days + (days == 1 ? " day, " : " days, ") + clock;
    }
}
