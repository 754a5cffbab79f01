package io.mibwatch.config;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.index;
import static io.mibwatch.core.yaml.YamlReader.key;
import static io.mibwatch.core.yaml.YamlReader.show;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.core.yaml.Closest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code devices:} list: each device's address, credentials and version, polling values
 * (defaults where not set) and metric groups, then the parent links, which must form a tree.
 */
final class DevicesReader {

    static final Set<String> DEVICE_KEYS = Set.of("name", "address", "port", "version", "credentials",
            "interval", "timeout", "retries", "max_repetitions", "bulk", "max_outstanding", "metrics", "parent");

    /** Same rule as SeriesId: device names become parts of series ids and file names. */
    static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9_.:-]+");

    /** RFC 1123 host name labels (underscores tolerated: they occur in internal DNS). */
    private static final Pattern HOST_NAME =
            Pattern.compile("(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
                    + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");
    private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");

    private final Problems problems;
    private final DefaultsReader polling;
    private final CredentialsReader credentialSets;
    /** The groups {@code metrics:} can name, in catalog order: the catalog's standard groups. */
    private final List<String> metricGroups;

    DevicesReader(Problems problems, DefaultsReader polling, CredentialsReader credentialSets,
                  List<String> metricGroups) {
        this.problems = problems;
        this.polling = polling;
        this.credentialSets = credentialSets;
        this.metricGroups = List.copyOf(metricGroups);
    }

    /** The valid devices; every problem is recorded. */
    List<DeviceConfig> read(JsonNode n, DefaultsReader.Read defaults, Map<String, Credentials> credentials) {
        List<DeviceConfig> out = new ArrayList<>();
        if (absent(n)) {
            return out;
        }
        if (!n.isArray()) {
            problems.add("devices", show(n), "expected a list of devices (- name: ...), or [] for none");
            return out;
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        List<ParentRef> parents = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String path = index("devices", i);
            JsonNode d = n.get(i);
            if (absent(d)) {
                problems.add(path, null, "empty device entry");
                continue;
            }
            if (problems.mapping(path, d, DEVICE_KEYS, "a device: name, address, credentials, ...") == null) {
                continue;
            }
            String name = deviceName(path, d.get("name"), firstIndex, i);
            DeviceConfig dc = device(path, d, name, defaults, credentials);
            if (!absent(d.get("parent"))) {
                String parent = problems.requiredText(key(path, "parent"), d.get("parent"));
                if (parent != null) {
                    parents.add(new ParentRef(i, name, parent));
                }
            }
            if (dc != null) {
                out.add(dc);
            }
        }
        checkParents(parents, firstIndex);
        return out;
    }

    private String deviceName(String path, JsonNode n, Map<String, Integer> firstIndex, int i) {
        String name = problems.requiredText(key(path, "name"), n);
        if (name == null) {
            return null;
        }
        if (!DEVICE_NAME.matcher(name).matches()) {
            problems.add(key(path, "name"), name, "invalid device name: use only letters, digits and _ . : - "
                    + "(it becomes part of series names and file names)");
            return null;
        }
        Integer first = firstIndex.putIfAbsent(name, i);
        if (first != null) {
            problems.add(key(path, "name"), name, "duplicate device name (first used by devices[" + first + "])");
            return null;
        }
        return name;
    }

    private DeviceConfig device(String path, JsonNode d, String name, DefaultsReader.Read defaults,
                                Map<String, Credentials> credentials) {
        int before = problems.count();
        Defaults def = defaults.values();

        String address = address(key(path, "address"), d.get("address"));
        Integer port = absent(d.get("port")) ? Integer.valueOf(161)
                : problems.integer(key(path, "port"), d.get("port"), 1, 65535, "not a UDP port (1-65535)");

        // credentials and version
        String credPath = key(path, "credentials");
        String ref;
        if (!absent(d.get("credentials"))) {
            ref = credentialSets.reference(credPath, d.get("credentials"));
        } else if (defaults.credentials() != null) {
            ref = defaults.credentials();
        } else {
            problems.add(credPath, null, "required: name a credential set, or set defaults.credentials");
            ref = null;
        }
        CredentialsReader.Kind kind = ref == null ? null : credentialSets.kind(ref);
        SnmpVersion version = null;
        if (!absent(d.get("version"))) {
            JsonNode v = d.get("version");
            String text = v.isNumber() ? v.asText() : problems.text(key(path, "version"), v);
            if (text != null) {
                version = SnmpVersion.parse(text);
                if (version == null) {
                    problems.add(key(path, "version"), show(v), "unknown SNMP version (valid: v1, v2c, v3)");
                } else if (kind == CredentialsReader.Kind.COMMUNITY && version == SnmpVersion.V3) {
                    problems.add(key(path, "version"), show(v), "v3 needs a USM (user) credential set, but '"
                            + ref + "' is a community set");
                } else if (kind == CredentialsReader.Kind.USM && version != SnmpVersion.V3) {
                    problems.add(key(path, "version"), show(v), version.text() + " needs a community credential set, but '"
                            + ref + "' is a v3 (user) set");
                }
            }
        } else if (kind != null) {
            version = kind == CredentialsReader.Kind.USM ? SnmpVersion.V3 : SnmpVersion.V2C;
        }

        Duration interval = absent(d.get("interval")) ? def.interval() : polling.interval(key(path, "interval"), d.get("interval"));
        Duration timeout = absent(d.get("timeout")) ? def.timeout() : polling.timeout(key(path, "timeout"), d.get("timeout"));
        // an inherited value that was refused under defaults is no bound (its error is reported there)
        Duration intervalBound = absent(d.get("interval")) && defaults.intervalRefused() ? null : interval;
        Duration timeoutBound = absent(d.get("timeout")) && defaults.timeoutRefused() ? null : timeout;
        if (!absent(d.get("timeout"))) {
            polling.checkTimeout(key(path, "timeout"), d.get("timeout"), timeoutBound, intervalBound);
        } else if (!absent(d.get("interval"))) {
            polling.checkTimeout(key(path, "interval"), d.get("interval"), timeoutBound, intervalBound);
        }
        Integer retries = absent(d.get("retries")) ? Integer.valueOf(def.retries())
                : polling.retries(key(path, "retries"), d.get("retries"));
        Integer maxRep = absent(d.get("max_repetitions")) ? Integer.valueOf(def.maxRepetitions())
                : polling.maxRepetitions(key(path, "max_repetitions"), d.get("max_repetitions"));
        Integer maxOut = absent(d.get("max_outstanding")) ? Integer.valueOf(def.maxOutstanding())
                : polling.maxOutstanding(key(path, "max_outstanding"), d.get("max_outstanding"));
        Boolean bulk = absent(d.get("bulk")) ? Boolean.TRUE : problems.bool(key(path, "bulk"), d.get("bulk"));
        List<String> metrics = metrics(key(path, "metrics"), d.get("metrics"));

        if (problems.count() != before || name == null || ref == null || !credentials.containsKey(ref)
                || version == null) {
            return null;
        }
        Optional<String> parent = absent(d.get("parent")) ? Optional.empty() : Optional.of(d.get("parent").asText());
        return new DeviceConfig(name, address, port, version, credentials.get(ref), interval, timeout,
                retries, maxRep, bulk, maxOut, metrics, parent);
    }

    private String address(String path, JsonNode n) {
        String a = problems.requiredText(path, n);
        if (a == null) {
            return null;
        }
        String s = a.trim();
        boolean ok;
        if (IPV4_LIKE.matcher(s).matches()) {
            ok = IPV4.matcher(s).matches();
            if (!ok) {
                problems.add(path, a, "not a valid IPv4 address");
                return null;
            }
        } else if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches() && s.chars().filter(c -> c == ':').count() >= 2) {
            ok = true;
        } else {
            ok = HOST_NAME.matcher(s).matches();
        }
        if (!ok) {
            String hint = s.matches(".+:\\d+") ? " (put the port under 'port')" : "";
            problems.add(path, a, "not a host name or IP address" + hint);
            return null;
        }
        return s;
    }

    private List<String> metrics(String path, JsonNode n) {
        if (absent(n)) {
            return metricGroups;
        }
        if (!n.isArray()) {
            problems.add(path, show(n), "expected a list, e.g. [system, interfaces]; leave the key out for all groups");
            return null;
        }
        if (n.isEmpty()) {
            problems.add(path, "[]", "empty: list at least one group ("
                    + String.join(", ", metricGroups) + "), or leave the key out for all");
            return null;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        boolean bad = false;
        for (int j = 0; j < n.size(); j++) {
            String p = index(path, j);
            String g = problems.oneOf(p, n.get(j), "metric group", metricGroups, name -> name);
            if (g == null) {
                bad = true;
            } else {
                out.add(g); // a group listed twice is harmless: polled once
            }
        }
        return bad ? null : List.copyOf(out);
    }

    /** A device's parent key: {@code child} is null when the device's own name was invalid. */
    private record ParentRef(int device, String child, String parent) {
        String path() {
            return key(index("devices", device), "parent");
        }
    }

    /**
     * Parents must name another device, and following parents must end at a device without one:
     * alert dependencies ("core1 is down, so don't page for everything behind it") need a tree.
     */
    private void checkParents(List<ParentRef> refs, Map<String, Integer> devices) {
        Map<String, ParentRef> valid = new LinkedHashMap<>();
        for (ParentRef r : refs) {
            if (r.parent().equals(r.child())) {
                problems.add(r.path(), r.parent(), "a device cannot be its own parent");
            } else if (!devices.containsKey(r.parent())) {
                problems.add(r.path(), r.parent(), "unknown parent device" + Closest.hint(r.parent(), devices.keySet()));
            } else if (r.child() != null) {
                valid.put(r.child(), r);
            }
        }
        Set<String> reported = new LinkedHashSet<>();
        for (String start : valid.keySet()) {
            List<String> chain = new ArrayList<>();
            String cur = start;
            while (cur != null && !chain.contains(cur)) {
                chain.add(cur);
                cur = valid.containsKey(cur) ? valid.get(cur).parent() : null;
            }
            if (cur == null || !cur.equals(start) || reported.contains(start)) {
                continue; // no cycle, or a chain that runs into a cycle reported from its own members
            }
            reported.addAll(chain);
            // report once, at the cycle member that comes first in the file
            String first = chain.stream().min((a, b) -> Integer.compare(valid.get(a).device(), valid.get(b).device()))
                    .orElseThrow();
            int at = chain.indexOf(first);
            List<String> rotated = new ArrayList<>(chain.subList(at, chain.size()));
            rotated.addAll(chain.subList(0, at));
            rotated.add(first);
            ParentRef r = valid.get(first);
            problems.add(r.path(), r.parent(), "parent cycle: " + String.join(" -> ", rotated));
        }
    }

    /**
     * The names of the devices listed, including those with a bad field (which are not in the
     * device list), so sections that refer to devices do not report them as unknown too.
     */
    static Set<String> names(JsonNode n, List<DeviceConfig> devices) {
        Set<String> deviceNames = new LinkedHashSet<>();
        devices.forEach(d -> deviceNames.add(d.name()));
        if (!absent(n) && n.isArray()) {
            n.forEach(d -> {
                if (d.isObject() && d.hasNonNull("name") && d.get("name").isTextual()) {
                    deviceNames.add(d.get("name").textValue());
                }
            });
        }
        return deviceNames;
    }
}
