package io.mibwatch.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How validated YAML files (mibwatch.yaml, simulator scenarios, rule tests) look at tree values
 * when they report an error: one definition of "not set" and of "the value as written".
 */
public final class YamlValues {
    private YamlValues() {
    }

    /** Absent or YAML null ({@code key:} with nothing after it, or {@code ~}): the key is not set. */
    public static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    /** The value as written, for error messages: scalars as text, collections as short flow YAML. */
    public static String show(JsonNode n) {
        if (absent(n)) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue().isEmpty() ? "\"\"" : n.textValue();
        }
        String s = n.isValueNode() ? n.asText() : n.toString().replace("\"", "");
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
