package io.mibwatch.thresholds.alert;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Matches one alert label, Alertmanager style: {@code device=srv1}, {@code metric!=load},
 * {@code instance=~"1|2"}, {@code group!~"if.*"}. Regexes match the whole value. A missing
 * label has the empty value.
 */
public record Matcher(String label, Op op, String value) {

    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        final String text;

        Op(String text) {
            this.text = text;
        }
    }

    public Matcher {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if (label.isBlank()) {
            throw new IllegalArgumentException("matcher needs a label name");
        }
        if (op == Op.REGEX || op == Op.NOT_REGEX) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("matcher " + label + op.text + value + ": bad regex: "
                        + e.getDescription());
            }
        }
    }

    public static Matcher equal(String label, String value) {
        return new Matcher(label, Op.EQUAL, value);
    }

    /** Parses {@code label=value}, {@code label!=value}, {@code label=~re} or {@code label!~re}. */
    public static Matcher parse(String text) {
        for (Op op : new Op[] {Op.NOT_REGEX, Op.REGEX, Op.NOT_EQUAL, Op.EQUAL}) {
            int i = text.indexOf(op.text);
            if (i > 0) {
                String v = text.substring(i + op.text.length()).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return new Matcher(text.substring(0, i).trim(), op, v);
            }
        }
        throw new IllegalArgumentException("matcher '" + text
                + "' must be LABEL=VALUE, LABEL!=VALUE, LABEL=~REGEX or LABEL!~REGEX, e.g. device=srv1");
    }

    public boolean matches(Map<String, String> labels) {
        String v = labels.getOrDefault(label, "");
        return switch (op) {
            case EQUAL -> v.equals(value);
            case NOT_EQUAL -> !v.equals(value);
            case REGEX -> Pattern.matches(value, v);
            case NOT_REGEX -> !Pattern.matches(value, v);
        };
    }

    @Override
    public String toString() {
        return label + op.text + value;
    }
}
