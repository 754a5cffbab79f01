package io.mibwatch.config;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.index;
import static io.mibwatch.core.yaml.YamlReader.key;
import static io.mibwatch.core.yaml.YamlReader.show;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.core.yaml.Closest;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Walks the parsed YAML tree, checks every key and value, and builds the records. Never stops at
 * the first error: a bad value is recorded and skipped, and checks that depend on it (timeout
 * against interval, version against credentials) are skipped too, so one mistake gives one error.
 */
final class ConfigValidator {

    static final Set<String> TOP_KEYS = Set.of("data_dir", "defaults", "credentials", "devices", "thresholds",
            "notifications", "services", "http", "rrd");
    static final Set<String> DEFAULTS_KEYS =
            Set.of("interval", "timeout", "retries", "max_repetitions", "max_outstanding", "credentials");
    static final Set<String> COMMUNITY_KEYS = Set.of("community");
    static final Set<String> USM_KEYS = Set.of("user", "auth", "auth_pass", "priv", "priv_pass", "context");
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

    /**
     * RFC 3414 section 11.2: pass phrases should be at least 8 characters; net-snmp's
     * snmp_api refuses shorter ones (USM_LENGTH_P_MIN), so such a user could never authenticate.
     */
    static final int MIN_PASS_LENGTH = 8;
    /** RFC 3414 usmUserName is SnmpAdminString (SIZE(1..32)). */
    static final int MAX_USER_LENGTH = 32;

    static final String AUTH_NAMES = "MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512";
    static final String PRIV_NAMES = "DES, AES-128, AES-192, AES-256";

    private enum Kind { COMMUNITY, USM }

    private final Problems problems = new Problems();
    /** Names declared under credentials whose kind could not be told: referring to them is not "unknown". */
    private final Set<String> brokenSets = new LinkedHashSet<>();
    private final SecretReader secrets;
    private final Path baseDir;

    private ConfigValidator(Path baseDir, Function<String, String> env) {
        this.secrets = new SecretReader(problems, baseDir, env);
        this.baseDir = baseDir;
    }

    /** The validated config (null when there are errors) and every error found. */
    record Outcome(MibwatchConfig config, List<ConfigError> errors) {
    }

    /**
     * @param root    the document tree, null for an empty document
     * @param baseDir where relative secret file paths start (null: the working directory)
     * @param env     environment variable lookup for {@code {env: NAME}} secrets
     */
    static Outcome validate(JsonNode root, Path baseDir, Function<String, String> env) {
        ConfigValidator v = new ConfigValidator(baseDir, env);
        MibwatchConfig config = v.config(root);
        return new Outcome(v.problems.any() ? null : config, v.problems.list());
    }

    private MibwatchConfig config(JsonNode root) {
        if (absent(root)) {
            return new MibwatchConfig(null, Defaults.STOCK, Map.of(), List.of());
        }
        if (problems.mapping("", root, TOP_KEYS, "the top level has data_dir, defaults, credentials, devices, thresholds, notifications, services, http, rrd") == null) {
            return null;
        }
        Path dataDir = dataDir(root.get("data_dir"));
        Map<String, Kind> kinds = new LinkedHashMap<>();
        Map<String, Credentials> credentials = credentials(root.get("credentials"), kinds);
        DefaultsRead defaults = defaults(root.get("defaults"), kinds);
        List<DeviceConfig> devices = devices(root.get("devices"), defaults, credentials, kinds);
        AlertingValidator alerting = new AlertingValidator(problems, secrets);
        ThresholdsConfig thresholds = alerting.thresholds(root.get("thresholds"));
        NotificationsConfig notifications = alerting.notifications(root.get("notifications"));
        Set<String> deviceNames = new LinkedHashSet<>();
        devices.forEach(d -> deviceNames.add(d.name()));
        if (!absent(root.get("devices")) && root.get("devices").isArray()) {
            // a device with a bad field is not in the list; its name still exists for services
            root.get("devices").forEach(d -> {
                if (d.isObject() && d.hasNonNull("name") && d.get("name").isTextual()) {
                    deviceNames.add(d.get("name").textValue());
                }
            });
        }
        ServicesConfig services = new ServicesValidator(problems).services(root.get("services"), deviceNames);
        HttpConfig http = new HttpValidator(problems, secrets, baseDir).http(root.get("http"));
        RrdConfig rrd = new RrdValidator(problems).rrd(root.get("rrd"));
        if (problems.any()) {
            return null;
        }
        return new MibwatchConfig(dataDir, defaults.values, credentials, devices, thresholds, notifications,
                services, http, rrd);
    }

    private Path dataDir(JsonNode n) {
        if (absent(n)) {
            return null;
        }
        String s = problems.requiredText("data_dir", n);
        if (s == null) {
            return null;
        }
        try {
            Path p = Path.of(s);
            if (!p.isAbsolute()) {
                problems.add("data_dir", s, "must be an absolute path, e.g. /var/lib/mibwatch");
                return null;
            }
            return p;
        } catch (InvalidPathException e) {
            problems.add("data_dir", s, "not a valid path: " + e.getReason());
            return null;
        }
    }

    // ---------------------------------------------------------------- credentials

    private Map<String, Credentials> credentials(JsonNode n, Map<String, Kind> kinds) {
        Map<String, Credentials> out = new LinkedHashMap<>();
        if (absent(n)) {
            return out;
        }
        if (!n.isObject()) {
            // no value shown: a list of sets holds secrets
            problems.add("credentials", null, "expected a mapping of credential set names to sets");
            return out;
        }
        n.fields().forEachRemaining(e -> {
            String name = e.getKey();
            String path = key("credentials", name);
            JsonNode set = e.getValue();
            if (absent(set) || !set.isObject()) {
                brokenSets.add(name);
                // no value shown: "name: public" is a community written in the wrong place
                problems.add(path, null, "expected a mapping: {community: ...} for v1/v2c, "
                        + "or {user: ..., auth: ..., auth_pass: ..., priv: ..., priv_pass: ...} for v3");
                return;
            }
            boolean community = set.has("community");
            boolean usm = set.has("user");
            if (community && usm) {
                brokenSets.add(name);
                problems.add(path, null, "a credential set is either a community (v1/v2c) or a user (v3), not both");
                return;
            }
            if (!community && !usm) {
                brokenSets.add(name);
                Set<String> all = new LinkedHashSet<>(COMMUNITY_KEYS);
                all.addAll(USM_KEYS);
                problems.unknownKeys(path, set, all);
                problems.add(path, null, "needs 'community' (v1/v2c) or 'user' (v3)");
                return;
            }
            kinds.put(name, community ? Kind.COMMUNITY : Kind.USM);
            Credentials c = community ? communitySet(name, path, set) : usmSet(name, path, set);
            if (c != null) {
                out.put(name, c);
            }
        });
        return out;
    }

    private Credentials communitySet(String name, String path, JsonNode set) {
        for (String k : iterable(set)) {
            if (USM_KEYS.contains(k)) {
                problems.add(key(path, k), null, "applies to v3 (user) sets only; this is a community set");
            }
        }
        Set<String> known = new LinkedHashSet<>(COMMUNITY_KEYS);
        known.addAll(USM_KEYS);
        problems.unknownKeys(path, set, known);
        Secret community = requiredSecret(key(path, "community"), set.get("community"));
        return community == null ? null : new Credentials.Community(name, community);
    }

    private Credentials usmSet(String name, String path, JsonNode set) {
        int before = problems.list().size();
        problems.unknownKeys(path, set, USM_KEYS);
        String user = problems.requiredText(key(path, "user"), set.get("user"));
        if (user != null && user.length() > MAX_USER_LENGTH) {
            problems.add(key(path, "user"), user, "longer than " + MAX_USER_LENGTH
                    + " characters (RFC 3414 usmUserName is 1..32 octets)");
        }

        JsonNode authNode = set.get("auth");
        JsonNode authPassNode = set.get("auth_pass");
        JsonNode privNode = set.get("priv");
        JsonNode privPassNode = set.get("priv_pass");

        AuthProtocol auth = null;
        if (!absent(authNode)) {
            String s = problems.text(key(path, "auth"), authNode);
            if (s != null) {
                auth = AuthProtocol.parse(s);
                if (auth == null) {
                    problems.add(key(path, "auth"), s, "unknown auth protocol (valid: " + AUTH_NAMES + ")");
                }
            }
        }
        Secret authPass = null;
        if (!absent(authPassNode)) {
            authPass = passPhrase(key(path, "auth_pass"), authPassNode);
            if (absent(authNode)) {
                problems.add(key(path, "auth"), null, "required when auth_pass is set (" + AUTH_NAMES + ")");
            }
        } else if (!absent(authNode)) {
            problems.add(key(path, "auth_pass"), null, "required when auth is set");
        }

        PrivProtocol priv = null;
        if (!absent(privNode)) {
            String s = problems.text(key(path, "priv"), privNode);
            if (s != null) {
                priv = PrivProtocol.parse(s);
                if (priv == null) {
                    problems.add(key(path, "priv"), s, "unknown privacy protocol (valid: " + PRIV_NAMES + ")");
                }
            }
            if (absent(authNode)) {
                // RFC 3414 section 3: the levels are noAuthNoPriv, authNoPriv, authPriv; there is no
                // privacy without authentication (the privacy keys are derived through the auth hash)
                problems.add(key(path, "priv"), s, "privacy needs authentication: set auth and auth_pass too "
                        + "(RFC 3414 has no noAuthPriv level)");
            }
        }
        Secret privPass = null;
        if (!absent(privPassNode)) {
            privPass = passPhrase(key(path, "priv_pass"), privPassNode);
            if (absent(privNode)) {
                problems.add(key(path, "priv"), null, "required when priv_pass is set (" + PRIV_NAMES + ")");
            }
        } else if (!absent(privNode)) {
            problems.add(key(path, "priv_pass"), null, "required when priv is set");
        }

        String context = "";
        if (!absent(set.get("context"))) {
            context = problems.text(key(path, "context"), set.get("context"));
        }
        if (problems.list().size() != before) {
            return null;
        }
        return new Credentials.Usm(name, user, auth, authPass, priv, privPass, context);
    }

    private Secret requiredSecret(String path, JsonNode n) {
        if (absent(n)) {
            problems.add(path, null, "required");
            return null;
        }
        return secrets.read(path, n);
    }

    private Secret passPhrase(String path, JsonNode n) {
        Secret s = secrets.read(path, n);
        if (s != null && s.reveal().length() < MIN_PASS_LENGTH) {
            problems.add(path, ConfigError.MASK, "too short" + SecretReader.origin(n) + ": pass phrases need at least "
                    + MIN_PASS_LENGTH + " characters (RFC 3414 section 11.2; net-snmp refuses shorter ones)");
            return null;
        }
        return s;
    }

    // ---------------------------------------------------------------- defaults

    /** Defaults as read; fields are the stock value wherever the file's value was bad. */
    private record DefaultsRead(Defaults values, String credentials) {
    }

    private DefaultsRead defaults(JsonNode n, Map<String, Kind> kinds) {
        Defaults stock = Defaults.STOCK;
        if (absent(n)) {
            return new DefaultsRead(stock, null);
        }
        if (problems.mapping("defaults", n, DEFAULTS_KEYS, "polling defaults") == null) {
            return new DefaultsRead(stock, null);
        }
        Duration interval = or(interval("defaults.interval", n.get("interval")), stock.interval());
        Duration timeout = or(timeout("defaults.timeout", n.get("timeout")), stock.timeout());
        if (!absent(n.get("interval")) || !absent(n.get("timeout"))) {
            checkTimeout(absent(n.get("timeout")) ? "defaults.interval" : "defaults.timeout",
                    absent(n.get("timeout")) ? n.get("interval") : n.get("timeout"), timeout, interval);
        }
        int retries = or(retries("defaults.retries", n.get("retries")), stock.retries());
        int maxRep = or(maxRepetitions("defaults.max_repetitions", n.get("max_repetitions")), stock.maxRepetitions());
        int maxOut = or(maxOutstanding("defaults.max_outstanding", n.get("max_outstanding")), stock.maxOutstanding());
        String creds = null;
        if (!absent(n.get("credentials"))) {
            creds = problems.requiredText("defaults.credentials", n.get("credentials"));
            if (creds != null && !kinds.containsKey(creds) && !brokenSets.contains(creds)) {
                unknownCredentials("defaults.credentials", creds, kinds);
                creds = null;
            }
        }
        return new DefaultsRead(new Defaults(interval, timeout, retries, maxRep, maxOut), creds);
    }

    private void unknownCredentials(String path, String name, Map<String, Kind> kinds) {
        problems.add(path, name, "unknown credential set" + Closest.hint(name, kinds.keySet())
                + (kinds.isEmpty() ? "; none are defined under credentials"
                        : "; defined: " + String.join(", ", kinds.keySet())));
    }

    private Duration interval(String path, JsonNode n) {
        if (absent(n)) {
            return null;
        }
        Duration d = problems.duration(path, n);
        if (d != null && d.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add(path, show(n), "interval must be at least 1s");
            return null;
        }
        return d;
    }

    private Duration timeout(String path, JsonNode n) {
        return absent(n) ? null : problems.duration(path, n);
    }

    /** A request must time out before the next poll is due, or polls pile up behind a dead agent. */
    private void checkTimeout(String path, JsonNode written, Duration timeout, Duration interval) {
        if (timeout != null && interval != null && timeout.compareTo(interval) >= 0) {
            problems.add(path, show(written), "timeout " + DurationText.format(timeout)
                    + " must be shorter than the interval " + DurationText.format(interval));
        }
    }

    private Integer retries(String path, JsonNode n) {
        return absent(n) ? null : problems.integer(path, n, 0, 10, "retries must be between 0 and 10");
    }

    /**
     * RFC 3416 allows up to 2^31-1, but big values only make agents answer tooBig or truncate
     * (the response must fit one UDP datagram, typically 1472 octets of Ethernet payload).
     */
    private Integer maxRepetitions(String path, JsonNode n) {
        return absent(n) ? null : problems.integer(path, n, 1, 1000, "max_repetitions must be between 1 and 1000");
    }

    private Integer maxOutstanding(String path, JsonNode n) {
        return absent(n) ? null : problems.integer(path, n, 1, 64, "max_outstanding must be between 1 and 64");
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    // ---------------------------------------------------------------- devices

    private List<DeviceConfig> devices(JsonNode n, DefaultsRead defaults, Map<String, Credentials> credentials,
                                       Map<String, Kind> kinds) {
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
            DeviceConfig dc = device(path, d, name, defaults, credentials, kinds);
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

    private DeviceConfig device(String path, JsonNode d, String name, DefaultsRead defaults,
                                Map<String, Credentials> credentials, Map<String, Kind> kinds) {
        int before = problems.list().size();
        Defaults def = defaults.values;

        String address = address(key(path, "address"), d.get("address"));
        Integer port = absent(d.get("port")) ? Integer.valueOf(161)
                : problems.integer(key(path, "port"), d.get("port"), 1, 65535, "not a UDP port (1-65535)");

        // credentials and version
        String credPath = key(path, "credentials");
        String ref;
        if (!absent(d.get("credentials"))) {
            ref = problems.requiredText(credPath, d.get("credentials"));
            if (ref != null && !kinds.containsKey(ref) && !brokenSets.contains(ref)) {
                unknownCredentials(credPath, ref, kinds);
                ref = null;
            }
        } else if (defaults.credentials != null) {
            ref = defaults.credentials;
        } else {
            problems.add(credPath, null, "required: name a credential set, or set defaults.credentials");
            ref = null;
        }
        Kind kind = ref == null ? null : kinds.get(ref);
        SnmpVersion version = null;
        if (!absent(d.get("version"))) {
            JsonNode v = d.get("version");
            String text = v.isNumber() ? v.asText() : problems.text(key(path, "version"), v);
            if (text != null) {
                version = SnmpVersion.parse(text);
                if (version == null) {
                    problems.add(key(path, "version"), show(v), "unknown SNMP version (valid: v1, v2c, v3)");
                } else if (kind == Kind.COMMUNITY && version == SnmpVersion.V3) {
                    problems.add(key(path, "version"), show(v), "v3 needs a USM (user) credential set, but '"
                            + ref + "' is a community set");
                } else if (kind == Kind.USM && version != SnmpVersion.V3) {
                    problems.add(key(path, "version"), show(v), version.text() + " needs a community credential set, but '"
                            + ref + "' is a v3 (user) set");
                }
            }
        } else if (kind != null) {
            version = kind == Kind.USM ? SnmpVersion.V3 : SnmpVersion.V2C;
        }

        Duration interval = absent(d.get("interval")) ? def.interval() : interval(key(path, "interval"), d.get("interval"));
        Duration timeout = absent(d.get("timeout")) ? def.timeout() : timeout(key(path, "timeout"), d.get("timeout"));
        if (!absent(d.get("timeout"))) {
            checkTimeout(key(path, "timeout"), d.get("timeout"), timeout, interval);
        } else if (!absent(d.get("interval"))) {
            checkTimeout(key(path, "interval"), d.get("interval"), timeout, interval);
        }
        Integer retries = absent(d.get("retries")) ? Integer.valueOf(def.retries())
                : retries(key(path, "retries"), d.get("retries"));
        Integer maxRep = absent(d.get("max_repetitions")) ? Integer.valueOf(def.maxRepetitions())
                : maxRepetitions(key(path, "max_repetitions"), d.get("max_repetitions"));
        Integer maxOut = absent(d.get("max_outstanding")) ? Integer.valueOf(def.maxOutstanding())
                : maxOutstanding(key(path, "max_outstanding"), d.get("max_outstanding"));
        Boolean bulk = absent(d.get("bulk")) ? Boolean.TRUE : problems.bool(key(path, "bulk"), d.get("bulk"));
        List<String> metrics = metrics(key(path, "metrics"), d.get("metrics"));

        if (problems.list().size() != before || name == null || ref == null || !credentials.containsKey(ref)
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
            return ConfigLoader.METRIC_GROUPS;
        }
        if (!n.isArray()) {
            problems.add(path, show(n), "expected a list, e.g. [system, interfaces]; leave the key out for all groups");
            return null;
        }
        if (n.isEmpty()) {
            problems.add(path, "[]", "empty: list at least one group ("
                    + String.join(", ", ConfigLoader.METRIC_GROUPS) + "), or leave the key out for all");
            return null;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        boolean bad = false;
        for (int j = 0; j < n.size(); j++) {
            String p = index(path, j);
            String g = problems.text(p, n.get(j));
            if (g == null) {
                bad = true;
            } else if (!ConfigLoader.METRIC_GROUPS.contains(g)) {
                problems.add(p, g, "unknown metric group" + Closest.hint(g, ConfigLoader.METRIC_GROUPS)
                        + " (valid: " + String.join(", ", ConfigLoader.METRIC_GROUPS) + ")");
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

    private static Iterable<String> iterable(JsonNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
