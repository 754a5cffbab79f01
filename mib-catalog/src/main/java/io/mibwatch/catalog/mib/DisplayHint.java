package io.mibwatch.catalog.mib;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * DISPLAY-HINT formatting, RFC 2579 section 3.1. Pure functions; a hint that does not parse gives
 * null so the caller falls back to its default rendering instead of showing garbage.
 */
public final class DisplayHint {

    private DisplayHint() {
    }

    /** One octet-format specification: [*]length format [separator] [terminator] (RFC 2579 3.1 (1)-(5)). */
    private record Spec(boolean star, int length, char format, Character separator, Character terminator) {
    }

    /**
     * Formats an OCTET STRING value by its hint, e.g. {@code 1x:} gives {@code 00:1b:21:0a:0b:0c} and
     * DateAndTime's {@code 2d-1d-1d,1d:1d:1d.1d,1a1d:1d} gives {@code 2024-1-2,13:30:15.0,+1:0}.
     *
     * @return the text, or null if the hint is not a valid octet-string hint
     */
    public static String formatOctets(String hint, byte[] value) {
        List<Spec> specs = parseOctetHint(hint);
        if (specs == null || specs.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int pos = 0;
        int si = 0;
        while (pos < value.length) {
            Spec s = specs.get(si);
            // (2) the last specification is applied again and again until the data is used up
            if (si < specs.size() - 1) {
                si++;
            }
            int repeat = 1;
            if (s.star()) {
                repeat = value[pos++] & 0xFF;
            }
            for (int r = 0; r < repeat && pos < value.length; r++) {
                int take = Math.min(s.length(), value.length - pos);
                switch (s.format()) {
                    case 'a' -> out.append(new String(value, pos, take, StandardCharsets.ISO_8859_1));
                    case 't' -> out.append(new String(value, pos, take, StandardCharsets.UTF_8));
                    default -> {
                        long v = 0;
                        for (int i = 0; i < take; i++) {
                            v = (v << 8) | (value[pos + i] & 0xFF);
                        }
                        out.append(number(v, s.format(), take));
                    }
                }
                pos += take;
                // (4) the separator follows each application, but not after the last octet (net-snmp does the same)
                boolean lastOfRepeat = r == repeat - 1;
                if (s.separator() != null && pos < value.length && !(lastOfRepeat && s.terminator() != null)) {
                    out.append(s.separator());
                }
            }
            if (s.terminator() != null && pos < value.length) {
                out.append(s.terminator());
            }
        }
        return out.toString();
    }

    private static String number(long v, char format, int octets) {
        return switch (format) {
            case 'x' -> {
                String h = Long.toHexString(v);
                yield "0".repeat(Math.max(0, 2 * octets - h.length())) + h;
            }
            case 'o' -> Long.toOctalString(v);
            default -> Long.toUnsignedString(v);
        };
    }

    private static List<Spec> parseOctetHint(String hint) {
        if (hint == null) {
            return null;
        }
        List<Spec> specs = new ArrayList<>();
        int i = 0;
        int n = hint.length();
        while (i < n) {
            boolean star = hint.charAt(i) == '*';
            if (star) {
                i++;
            }
            int start = i;
            while (i < n && Character.isDigit(hint.charAt(i))) {
                i++;
            }
            if (i == start || i >= n) {
                return null;
            }
            int length = Integer.parseInt(hint.substring(start, i));
            char format = hint.charAt(i++);
            if ("dxoat".indexOf(format) < 0 || length == 0) {
                return null;
            }
            Character sep = null;
            Character term = null;
            if (i < n && !Character.isDigit(hint.charAt(i)) && hint.charAt(i) != '*') {
                sep = hint.charAt(i++);
                if (star && i < n && !Character.isDigit(hint.charAt(i)) && hint.charAt(i) != '*') {
                    term = hint.charAt(i++);
                }
            }
            specs.add(new Spec(star, length, format, sep, term));
        }
        return specs;
    }

    /**
     * Formats an INTEGER by an integer hint (RFC 2579 3.1: {@code d}, {@code d-N} with N implied decimal
     * places, {@code x}, {@code o}, {@code b}).
     *
     * @return the text, or null if the hint is not an integer hint
     */
    public static String formatInteger(String hint, long value) {
        if (hint == null || hint.isEmpty()) {
            return null;
        }
        char f = hint.charAt(0);
        switch (f) {
            case 'x':
                return hint.length() == 1 ? (value < 0 ? "-" + Long.toHexString(-value) : Long.toHexString(value)) : null;
            case 'o':
                return hint.length() == 1 ? (value < 0 ? "-" + Long.toOctalString(-value) : Long.toOctalString(value)) : null;
            case 'b':
                return hint.length() == 1 ? (value < 0 ? "-" + Long.toBinaryString(-value) : Long.toBinaryString(value)) : null;
            case 'd':
                if (hint.length() == 1) {
                    return Long.toString(value);
                }
                if (hint.charAt(1) != '-') {
                    return null;
                }
                int places;
                try {
                    places = Integer.parseInt(hint.substring(2));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (places <= 0 || places > 18) {
                    return places == 0 ? Long.toString(value) : null;
                }
                String digits = Long.toString(Math.abs(value));
                if (digits.length() <= places) {
                    digits = "0".repeat(places - digits.length() + 1) + digits;
                }
                String s = digits.substring(0, digits.length() - places) + "." + digits.substring(digits.length() - places);
                return value < 0 ? "-" + s : s;
            default:
                return null;
        }
    }
}
