package io.mibwatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.core.time.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Collects {@link ConfigError}s while the YAML tree is read, and reads typed values from tree
 * nodes: each reader returns null on a bad value after recording an error that names the key
 * path and the value, so reading goes on and every error is reported at once.
 */
final class Problems {

    private final List<ConfigError> errors = new ArrayList<>();

    void add(String path, String value, String message) {
        errors.add(new ConfigError(path, value, message));
    }

    boolean any() {
        return !errors.isEmpty();
    }

    List<ConfigError> list() {
        return List.copyOf(errors);
    }

    static String key(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    static boolean absent(JsonNode n) {
        return YamlValues.absent(n);
    }

    static String show(JsonNode n) {
        return YamlValues.show(n);
    }

    /** Records an error for every key of {@code map} not in {@code known}, suggesting the nearest. */
    void unknownKeys(String path, JsonNode map, Set<String> known) {
        Iterator<String> it = map.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!known.contains(k)) {
                // no value shown: a misspelt secret key (comunity, auth_passs) holds a secret
                add(key(path, k), null, "unknown key" + Closest.hint(k, known)
                        + "; known keys here: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    /** A mapping node with only known keys (unknown ones are reported), or null if not a mapping. */
    JsonNode mapping(String path, JsonNode n, Set<String> known, String what) {
        if (!n.isObject()) {
            add(path, path.isEmpty() || ConfigError.isSecretPath(path) ? null : show(n),
                    "expected a mapping (" + what + ")");
            return null;
        }
        unknownKeys(path, n, known);
        return n;
    }

    String text(String path, JsonNode n) {
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            add(path, show(n), "expected text, got a boolean; quote it (YAML reads yes/no/on/off/true/false "
                    + "as booleans)");
        } else if (n.isNumber()) {
            add(path, show(n), "expected text, got a number; quote it so YAML keeps it as written");
        } else {
            add(path, show(n), "expected text");
        }
        return null;
    }

    /** A non-empty text. */
    String requiredText(String path, JsonNode n) {
        if (absent(n)) {
            add(path, null, "required");
            return null;
        }
        String s = text(path, n);
        if (s != null && s.isBlank()) {
            add(path, show(n), "must not be empty");
            return null;
        }
        return s;
    }

    Integer integer(String path, JsonNode n, long min, long max, String rangeMessage) {
        if (!n.isIntegralNumber()) {
            add(path, show(n), "expected a whole number; " + rangeMessage);
            return null;
        }
        if (!n.canConvertToLong() || n.longValue() < min || n.longValue() > max) {
            add(path, show(n), rangeMessage);
            return null;
        }
        return (int) n.longValue();
    }

    Boolean bool(String path, JsonNode n) {
        if (!n.isBoolean()) {
            add(path, show(n), "expected true or false");
            return null;
        }
        return n.booleanValue();
    }

    /** A positive duration in the one grammar ({@link DurationText}), or whole seconds. */
    Duration duration(String path, JsonNode n) {
        Duration d = null;
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            if (n.intValue() <= 0) {
                add(path, show(n), "must be positive");
                return null;
            }
            d = Duration.ofSeconds(n.intValue());
        } else if (n.isTextual()) {
            d = DurationText.parseOrSeconds(n.textValue()).orElse(null);
        }
        if (d == null) {
            add(path, show(n), "not a duration (" + DurationText.EXAMPLES_OR_SECONDS + ")");
            return null;
        }
        if (d.isZero()) {
            add(path, show(n), "must be positive");
            return null;
        }
        return d;
    }
}
