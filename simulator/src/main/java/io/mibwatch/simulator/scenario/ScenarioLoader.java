package io.mibwatch.simulator.scenario;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.index;
import static io.mibwatch.core.yaml.YamlReader.key;
import static io.mibwatch.core.yaml.YamlReader.show;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.config.ConfigError;
import io.mibwatch.config.YamlDocument;
import io.mibwatch.core.time.DurationText;
import io.mibwatch.core.yaml.YamlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snmp4j.smi.OID;

/**
 * Reads a scenario file:
 * <pre>
 * faults:
 *   - {at: 2m, duration: 3m, device: core1, kind: timeout}
 *   - {at: 1m, duration: 1m, device: "sw-*", kind: slow, delay: 2s}
 *   - {at: 90s, device: srv1, kind: reboot}
 *   - {at: 30s, device: core1, kind: counter_wrap, oid: 1.3.6.1.2.1.2.2.1.10.1}
 *   - {at: 1m, duration: 2m, device: srv1, kind: cpu_spike, value: 97}
 *   - {at: 1m, duration: 5m, device: sw1, kind: interface_down, ifindex: 3}
 *   - {at: 4m, duration: 1m, device: core1, kind: garbled}     # also: truncated, auth_failure
 *   # IP SLA operation 20's RTT +250 ms and 3 % loss for 20 minutes once every 3 hours at seeded
 *   # times, before the start too (backfilled history shows it)
 *   - {at: 0s, duration: 20m, device: wan1, kind: degradation, ipsla: 20, every: 3h, delay: 250ms, loss: 3, seed: 7}
 * </pre>
 * Times ({@code at}, {@code duration}, {@code delay}, {@code every}) are written as everywhere in
 * mibwatch ({@link DurationText}: {@code 500ms}, {@code 90s}, {@code 1h30m}, {@code 2d}, {@code 1w}),
 * or as a whole number of seconds.
 * Like mibwatch.yaml (config's ConfigLoader) the tree is checked by hand so that every error is
 * reported at once with its key path and value; duplicate keys and a second document are errors.
 * A key that does not apply to the fault's kind (a {@code delay} on a reboot) is an error too,
 * because it shows the author meant something the file does not say.
 */
public final class ScenarioLoader {

    /** Each kind with the keys it needs beyond at, device and kind. */
    static final Map<String, Set<String>> KINDS = Map.of(
            "timeout", Set.of("duration"),
            "slow", Set.of("duration", "delay"),
            "garbled", Set.of("duration"),
            "truncated", Set.of("duration"),
            "auth_failure", Set.of("duration"),
            "reboot", Set.of(),
            "counter_wrap", Set.of("oid"),
            "cpu_spike", Set.of("duration", "value"),
            "interface_down", Set.of("duration", "ifindex"),
            "degradation", Set.of("duration", "every", "ipsla", "delay", "loss", "seed"));

    static final Set<String> COMMON_KEYS = Set.of("at", "device", "kind");
    static final Set<String> ALL_KEYS = Set.of("at", "device", "kind", "duration", "delay", "oid", "value", "ifindex",
            "every", "ipsla", "loss", "seed");

    /** Device names as config allows them (DeviceConfig), plus the glob characters. */
    private static final Pattern DEVICE_GLOB = Pattern.compile("[A-Za-z0-9_.:*?-]+");
    private static final Pattern DOTTED_OID = Pattern.compile("\\.?[0-9]+(\\.[0-9]+)+");

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) throws ScenarioException {
        String text;
        try {
            text = YamlDocument.text(file);
        } catch (YamlDocument.Unreadable e) {
            throw new ScenarioException(file.toString(), List.of(e.error()));
        }
        return parse(text, file.toString());
    }

    /** @param sourceName names the source in the exception message */
    public static Scenario parse(String yaml, String sourceName) throws ScenarioException {
        JsonNode root;
        try {
            root = YamlDocument.tree(yaml, "a scenario is one document");
        } catch (YamlDocument.Unreadable e) {
            throw new ScenarioException(sourceName, List.of(e.error()));
        }
        Reader r = new Reader();
        Scenario s = r.scenario(root);
        if (!r.errors.isEmpty()) {
            throw new ScenarioException(sourceName, r.errors);
        }
        return s;
    }

    /**
     * Reads the tree, recording an error for every bad value and going on. The shared
     * {@link YamlReader} collects the errors; the getters here keep the scenario file's own
     * wording ("required (...)", "expected ...").
     */
    private static final class Reader {
        final List<ConfigError> errors = new ArrayList<>();
        final YamlReader yaml = new YamlReader((path, value, message) -> errors.add(new ConfigError(path, value, message)));

        void error(String path, JsonNode value, String message) {
            yaml.add(path, show(value), message);
        }

        Scenario scenario(JsonNode root) {
            if (root == null || root.isMissingNode() || root.isNull()) {
                error("", null, "empty scenario; expected a mapping with a 'faults' list (faults: [] for none)");
                return null;
            }
            if (!root.isObject()) {
                error("", root, "expected a mapping with a 'faults' list");
                return null;
            }
            unknownKeys("", root, Set.of("faults"));
            JsonNode list = root.get("faults");
            if (absent(list)) {
                error("faults", null, "required (a list of faults; faults: [] for none)");
                return null;
            }
            List<JsonNode> items = yaml.list("faults", list, "expected a list of faults");
            if (items == null) {
                return null;
            }
            List<Fault> faults = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Fault f = fault(index("faults", i), items.get(i));
                if (f != null) {
                    faults.add(f);
                }
            }
            return new Scenario(faults);
        }

        Fault fault(String path, JsonNode n) {
            if (!n.isObject()) {
                error(path, n, "expected a mapping such as {at: 1m, duration: 2m, device: core1, kind: timeout}");
                return null;
            }
            unknownKeys(path, n, ALL_KEYS);
            int before = yaml.count();
            Duration at = offset(key(path, "at"), n.get("at"));
            DevicePattern device = device(key(path, "device"), n.get("device"));
            String kind = kind(key(path, "kind"), n.get("kind"));
            if (kind == null) {
                return null;
            }
            Set<String> needed = KINDS.get(kind);
            for (String k : List.of("duration", "delay", "oid", "value", "ifindex", "every", "ipsla", "loss", "seed")) {
                JsonNode v = n.get(k);
                if (!needed.contains(k) && v != null) {
                    error(key(path, k), v, "does not apply to kind " + kind + (needed.isEmpty() ? ""
                            : "; " + kind + " takes " + String.join(", ", new java.util.TreeSet<>(needed))));
                }
            }
            Duration duration = needed.contains("duration") ? positiveDuration(key(path, "duration"), n.get("duration")) : Duration.ZERO;
            Duration delay = needed.contains("delay") ? positiveDuration(key(path, "delay"), n.get("delay")) : null;
            OID oid = needed.contains("oid") ? oid(key(path, "oid"), n.get("oid")) : null;
            Integer value = needed.contains("value")
                    ? integer(key(path, "value"), n.get("value"), 0, 100, "a CPU percentage, 0-100") : null;
            Integer ifIndex = needed.contains("ifindex")
                    ? integer(key(path, "ifindex"), n.get("ifindex"), 1, Integer.MAX_VALUE,
                            "an ifIndex, 1-2147483647 (RFC 2863 InterfaceIndex)") : null;
            Duration every = needed.contains("every") ? positiveDuration(key(path, "every"), n.get("every")) : null;
            Integer ipsla = needed.contains("ipsla")
                    ? integer(key(path, "ipsla"), n.get("ipsla"), 1, Integer.MAX_VALUE,
                            "an IP SLA operation number (rttMonCtrlAdminIndex), 1-2147483647") : null;
            Integer loss = needed.contains("loss")
                    ? integer(key(path, "loss"), n.get("loss"), 0, 100, "a packet loss percentage, 0-100") : null;
            Integer seed = needed.contains("seed")
                    ? integer(key(path, "seed"), n.get("seed"), 0, Integer.MAX_VALUE, "a whole number >= 0") : null;
            if (yaml.count() == before && every != null && duration.compareTo(every) >= 0) {
                error(key(path, "duration"), n.get("duration"), "must be shorter than every (" + n.get("every").asText() + ")");
            }
            if (yaml.count() > before) {
                return null;
            }
            return switch (kind) {
                case "timeout" -> new Fault.Timeout(at, duration, device);
                case "slow" -> new Fault.Slow(at, duration, device, delay);
                case "garbled" -> new Fault.Garbled(at, duration, device);
                case "truncated" -> new Fault.Truncated(at, duration, device);
                case "auth_failure" -> new Fault.AuthFailure(at, duration, device);
                case "reboot" -> new Fault.Reboot(at, device);
                case "counter_wrap" -> new Fault.CounterWrap(at, device, oid);
                case "cpu_spike" -> new Fault.CpuSpike(at, duration, device, value);
                case "interface_down" -> new Fault.InterfaceDown(at, duration, device, ifIndex);
                case "degradation" -> new Fault.Degradation(at, device, ipsla, duration, every, delay, loss, seed);
                default -> throw new IllegalStateException(kind);
            };
        }

        String kind(String path, JsonNode n) {
            if (absent(n)) {
                error(path, null, "required; one of " + kindNames());
                return null;
            }
            if (!n.isTextual() || !KINDS.containsKey(n.textValue())) {
                error(path, n, "unknown fault kind; one of " + kindNames());
                return null;
            }
            return n.textValue();
        }

        DevicePattern device(String path, JsonNode n) {
            if (absent(n)) {
                error(path, null, "required (a device name, or a glob such as sw-*)");
                return null;
            }
            if (!n.isTextual() || !DEVICE_GLOB.matcher(n.textValue()).matches()) {
                error(path, n, "not a device name or glob (letters, digits, _ . : - and the wildcards * ?)");
                return null;
            }
            return new DevicePattern(n.textValue());
        }

        /** An offset from the start: zero allowed. */
        Duration offset(String path, JsonNode n) {
            if (absent(n)) {
                error(path, null, "required (time after the start, " + DurationText.EXAMPLES_OR_SECONDS + ")");
                return null;
            }
            Duration d = null;
            if (n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 0) {
                d = Duration.ofSeconds(n.intValue());
            } else if (n.isTextual()) {
                d = DurationText.parseOrSeconds(n.textValue()).orElse(null);
            }
            if (d == null) {
                error(path, n, "not a duration (" + DurationText.EXAMPLES_OR_SECONDS + ")");
            }
            return d;
        }

        Duration positiveDuration(String path, JsonNode n) {
            Duration d = offset(path, n);
            if (d != null && d.isZero()) {
                error(path, n, "must be longer than zero");
                return null;
            }
            return d;
        }

        OID oid(String path, JsonNode n) {
            if (absent(n)) {
                error(path, null, "required (the counter's OID with its instance, e.g. 1.3.6.1.2.1.2.2.1.10.1)");
                return null;
            }
            if (!n.isTextual() || !DOTTED_OID.matcher(n.textValue()).matches()) {
                error(path, n, "not a dotted OID such as 1.3.6.1.2.1.2.2.1.10.1");
                return null;
            }
            String text = n.textValue().startsWith(".") ? n.textValue().substring(1) : n.textValue();
            for (String arc : text.split("\\.")) {
                if (arc.length() > 10 || Long.parseLong(arc) > 0xFFFF_FFFFL) {
                    error(path, n, "OID arc " + arc + " is above 4294967295 (RFC 2578 section 3.5)");
                    return null;
                }
            }
            return new OID(text);
        }

        Integer integer(String path, JsonNode n, long min, long max, String what) {
            if (absent(n)) {
                error(path, null, "required (" + what + ")");
                return null;
            }
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < min || n.longValue() > max) {
                error(path, n, "expected " + what);
                return null;
            }
            return (int) n.longValue();
        }

        void unknownKeys(String path, JsonNode map, Set<String> known) {
            Iterator<String> it = map.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!known.contains(k)) {
                    // no "did you mean": scenario files have always listed the keys instead
                    yaml.add(key(path, k), null,
                            "unknown key; known keys here: " + String.join(", ", new java.util.TreeSet<>(known)));
                }
            }
        }

        static String kindNames() {
            return String.join(", ", new LinkedHashSet<>(List.of("timeout", "slow", "garbled", "truncated",
                    "auth_failure", "reboot", "counter_wrap", "cpu_spike", "interface_down", "degradation")));
        }
    }
}
