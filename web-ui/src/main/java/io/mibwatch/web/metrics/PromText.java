package io.mibwatch.web.metrics;

import java.util.regex.Pattern;

/**
 * The Prometheus text exposition format 0.0.4 ("Exposition formats" in the Prometheus docs) and
 * its data model: metric names match {@code [a-zA-Z_:][a-zA-Z0-9_:]*} (colons are reserved for
 * recording rules, so we never produce them), label names {@code [a-zA-Z_][a-zA-Z0-9_]*}; label
 * values escape backslash, double quote and line feed; HELP text escapes backslash and line feed.
 * Pure functions.
 */
public final class PromText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Pattern VALID_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromText() {
    }

    /**
     * A valid metric name in Prometheus' snake_case convention from any text (promtool's linter
     * insists on it): camelCase words are split ({@code ifHCInOctets} -> {@code if_hc_in_octets}),
     * everything is lower-cased, every character outside {@code [a-z0-9_]} becomes {@code _}
     * (colons too: they are for recording rules), runs of {@code _} collapse, and a leading digit
     * gets a {@code _} prefix. The original name travels in the {@code metric} label.
     */
    public static String name(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char prev = i > 0 ? text.charAt(i - 1) : 0;
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                boolean lowerOrDigitBefore = (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9');
                boolean acronymEnds = prev >= 'A' && prev <= 'Z' && next >= 'a' && next <= 'z';
                if (lowerOrDigitBefore || acronymEnds) {
                    append(sb, '_');
                }
                append(sb, (char) (c + ('a' - 'A')));
            } else {
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                append(sb, ok ? c : '_');
            }
        }
        if (sb.length() == 0 || (sb.charAt(0) >= '0' && sb.charAt(0) <= '9')) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, char c) {
        if (c == '_' && sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') {
            return;
        }
        sb.append(c);
    }

    public static boolean validName(String name) {
        return VALID_NAME.matcher(name).matches();
    }

    /** A label value inside double quotes: {@code \} -> {@code \\}, {@code "} -> {@code \"}, LF -> {@code \n}. */
    public static String labelValue(String v) {
        StringBuilder sb = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** HELP text: {@code \} -> {@code \\}, LF -> {@code \n}. */
    public static String help(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** A sample value: Go's float formatting conventions for the special values. */
    public static String value(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
