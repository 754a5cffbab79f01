package io.mibwatch.config;

import static io.mibwatch.core.yaml.YamlReader.absent;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.catalog.metric.MetricCatalog;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the whole mibwatch.yaml tree: the top-level keys and {@code data_dir} here, each section
 * by its own reader, then builds the records. Never stops at the first error: a bad value is recorded and skipped, and checks that depend on it (timeout
 * against interval, version against credentials) are skipped too, so one mistake gives one error.
 */
final class ConfigReader {

    static final Set<String> TOP_KEYS = Set.of("data_dir", "defaults", "credentials", "devices", "thresholds",
            "notifications", "services", "http", "rrd");

    private final Problems problems = new Problems();
    private final SecretReader secrets;
    private final Path baseDir;

    private ConfigReader(Path baseDir, Function<String, String> env) {
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
        ConfigReader v = new ConfigReader(baseDir, env);
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
        CredentialsReader credentialSets = new CredentialsReader(problems, secrets);
        Map<String, Credentials> credentials = credentialSets.read(root.get("credentials"));
        DefaultsReader defaultsReader = new DefaultsReader(problems, credentialSets);
        DefaultsReader.Read defaults = defaultsReader.read(root.get("defaults"));
        List<DeviceConfig> devices = new DevicesReader(problems, defaultsReader, credentialSets,
                MetricCatalog.standard().standardGroups())
                .read(root.get("devices"), defaults, credentials);
        ThresholdsConfig thresholds = new ThresholdsReader(problems).read(root.get("thresholds"));
        NotificationsConfig notifications = new NotificationsReader(problems, secrets).read(root.get("notifications"));
        Set<String> deviceNames = DevicesReader.names(root.get("devices"), devices);
        ServicesConfig services = new ServicesReader(problems).read(root.get("services"), deviceNames);
        HttpConfig http = new HttpReader(problems, secrets, baseDir).read(root.get("http"));
        RrdConfig rrd = new RrdReader(problems).read(root.get("rrd"));
        if (problems.any()) {
            return null;
        }
        return new MibwatchConfig(dataDir, defaults.values(), credentials, devices, thresholds, notifications,
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
}
