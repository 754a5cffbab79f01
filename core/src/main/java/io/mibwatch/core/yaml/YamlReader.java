package io.mibwatch.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.core.time.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads typed values from a YAML tree (Jackson's {@link JsonNode}) for a file reader that reports
 * every problem at once: each getter that meets a bad value hands the key path (such as
 * {@code devices[3].snmp.community}), the value as written and what is wrong to the {@link Sink},
 * and returns null, so the caller skips that value and reading goes on. Unknown keys and enum
 * values get a "did you mean" hint from {@link Closest}.
 *
 * <p>It lives in core because the readers of every YAML file share it: mibwatch.yaml (config),
 * the catalog data files (mib-catalog, which depends only on core), rule tests (thresholds) and
 * scenarios (simulator); core is the one module all of them already depend on. Each reader keeps
 * its own error type by giving its own {@link Sink}.
 */
public class YamlReader {

    /** Where problems go: one call per problem, in the order they are found. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param path    key path from the document root, "" for the document itself
         * @param value   the offending value as written, or null when there is none to show
         * @param message what is wrong and, where possible, what would be right
         */
        void add(String path, String value, String message);
    }

    private final Sink sink;
    private final Predicate<String> secretPath;
    private int count;

    /**
     * @param secretPath true for key paths whose value must never be shown, not even as the
     *                   "expected a mapping" value (credentials)
     */
    public YamlReader(Sink sink, Predicate<String> secretPath) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.secretPath = Objects.requireNonNull(secretPath, "secretPath");
    }

    /** A reader for files without secrets. */
    public YamlReader(Sink sink) {
        this(sink, path -> false);
    }

    /** Records one problem. */
    public void add(String path, String value, String message) {
        count++;
        sink.add(path, value, message);
    }

    /** How many problems were recorded so far (compare before and after reading a part). */
    public int count() {
        return count;
    }

    public boolean any() {
        return count > 0;
    }

    /** The path of {@code key} under {@code path}: {@code devices[3].snmp}. */
    public static String key(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The path of list item {@code i} under {@code path}: {@code devices[3]}. */
    public static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    public static boolean absent(JsonNode n) {
        return YamlValues.absent(n);
    }

    public static String show(JsonNode n) {
        return YamlValues.show(n);
    }

    /** Records a problem for every key of {@code map} not in {@code known}, suggesting the nearest. */
    public void unknownKeys(String path, JsonNode map, Set<String> known) {
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
    public JsonNode mapping(String path, JsonNode n, Set<String> known, String what) {
        if (!n.isObject()) {
            add(path, path.isEmpty() || secretPath.test(path) ? null : show(n), "expected a mapping (" + what + ")");
            return null;
        }
        unknownKeys(path, n, known);
        return n;
    }

    /** The items of a list node, or null after recording {@code message} if it is not a list. */
    public List<JsonNode> list(String path, JsonNode n, String message) {
        if (!n.isArray()) {
            add(path, show(n), message);
            return null;
        }
        List<JsonNode> items = new ArrayList<>(n.size());
        n.forEach(items::add);
        return items;
    }

    /**
     * The items of an optional list, each read by {@code item} with its own path ({@code rules[2]});
     * items it returns null for (after recording their problems) are left out. An absent list is
     * empty; a value that is not a list is recorded with {@code notAList} and read as empty.
     */
    public <T> List<T> items(String path, JsonNode n, String notAList, BiFunction<String, JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        if (absent(n)) {
            return out;
        }
        List<JsonNode> nodes = list(path, n, notAList);
        if (nodes == null) {
            return out;
        }
        for (int i = 0; i < nodes.size(); i++) {
            T t = item.apply(index(path, i), nodes.get(i));
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * {@code value} when its name is not taken yet (it is then), or null after recording
     * {@code message} at {@code path.name}: names that identify things (rules, services) must be
     * unique. A null value stays null.
     */
    public <T> T uniqueName(T value, Function<T, String> name, String path, Set<String> taken, String message) {
        if (value == null) {
            return null;
        }
        String n = name.apply(value);
        if (!taken.add(n)) {
            add(key(path, "name"), n, message);
            return null;
        }
        return value;
    }

    public String text(String path, JsonNode n) {
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
    public String requiredText(String path, JsonNode n) {
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

    /** A whole number in {@code [min, max]}; {@code rangeMessage} says the range to the user. */
    public Integer integer(String path, JsonNode n, long min, long max, String rangeMessage) {
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

    public Boolean bool(String path, JsonNode n) {
        if (!n.isBoolean()) {
            add(path, show(n), "expected true or false");
            return null;
        }
        return n.booleanValue();
    }

    /** An optional flag: {@code fallback} when absent, or after recording a bad value. */
    public boolean bool(String path, JsonNode n, boolean fallback) {
        if (absent(n)) {
            return fallback;
        }
        Boolean b = bool(path, n);
        return b == null ? fallback : b;
    }

    /**
     * One of {@code names} (as written in the file) mapped by {@code value}; anything else is
     * reported as "unknown {what}" with the nearest name and the valid ones.
     */
    public <T> T oneOf(String path, JsonNode n, String what, Collection<String> names, Function<String, T> value) {
        String s = text(path, n);
        if (s == null) {
            return null;
        }
        if (!names.contains(s)) {
            add(path, s, "unknown " + what + Closest.hint(s, names) + " (valid: " + String.join(", ", names) + ")");
            return null;
        }
        return value.apply(s);
    }

    /**
     * The value of one of a few words (such as {@code high: true, low: false}), or
     * {@code fallback} when the key is absent or after recording {@code message} for anything else.
     */
    public <T> T word(String path, JsonNode n, Map<String, T> words, T fallback, String message) {
        if (absent(n)) {
            return fallback;
        }
        String s = text(path, n);
        if (s == null) {
            return fallback;
        }
        if (!words.containsKey(s)) {
            add(path, s, message);
            return fallback;
        }
        return words.get(s);
    }

    /**
     * A duration that may be left out or written as zero ({@code for: 0}, {@code for: 0s}: no
     * wait), else positive as in {@link #duration}; zero after a problem.
     */
    public Duration durationOrZero(String path, JsonNode n) {
        if (absent(n)) {
            return Duration.ZERO;
        }
        boolean zero = (n.isIntegralNumber() && n.intValue() == 0) || (n.isTextual() && n.textValue().matches("0+[a-z]*"));
        if (zero) {
            return Duration.ZERO;
        }
        Duration d = duration(path, n);
        return d == null ? Duration.ZERO : d;
    }

    /**
     * A positive duration: text in mibwatch's one duration grammar ({@link DurationText}) or a
     * whole number of seconds, as a number or as text.
     */
    public Duration duration(String path, JsonNode n) {
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
