package io.mibwatch.thresholds.ruletest;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.index;
import static io.mibwatch.core.yaml.YamlReader.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mibwatch.catalog.threshold.Direction;
import io.mibwatch.config.ThresholdsConfig;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.time.DurationText;
import io.mibwatch.thresholds.alert.AlertId;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.alert.Dependencies;
import io.mibwatch.thresholds.alert.Matcher;
import io.mibwatch.thresholds.alert.Silence;
import io.mibwatch.thresholds.rule.ChangeRule;
import io.mibwatch.thresholds.rule.Levels;
import io.mibwatch.thresholds.rule.Rule;
import io.mibwatch.thresholds.rule.RuleBinding;
import io.mibwatch.thresholds.rule.RuleConfig;
import io.mibwatch.thresholds.rule.RuleId;
import io.mibwatch.thresholds.rule.Selector;
import io.mibwatch.thresholds.rule.StaticThreshold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads a rule test file. Example:
 * <pre>
 * interval: 1m
 * defaults: {references: false, percentage: false, events: true}
 * rules:
 *   - id: cpu-high
 *     match: {group: cpu, metric: load}          # device/instance default to *
 *     kind: static                               # static | change
 *     direction: high
 *     warning: 80
 *     critical: 90
 *     rearm: 60
 *     trigger: 3
 *     for: 0s
 * dependencies: {sw1: router1}
 * tests:
 *   - name: fires after three breaches, resolves at rearm
 *     series:
 *       - {device: srv1, group: cpu, instance: "1", metric: load, values: "50 95 95 95 70 40"}
 *     silences: [{matchers: ["device=srv1"], start: 10m, end: 20m}]
 *     acks: [{at: 4m, alert: "cpu-high@srv1/cpu/1/load", user: alice, comment: on it}]
 *     expect:
 *       - at: 3m
 *         alerts: [{alert: "cpu-high@srv1/cpu/1/load", state: firing, severity: critical}]
 *         notifications: ["FIRING cpu-high@srv1/cpu/1/load"]
 * </pre>
 * Values: numbers, {@code _} gap, {@code !} failed poll, and promtool's expansions
 * {@code a+bxn} / {@code a-bxn} (a, then n more values stepping by b), {@code _xn}, {@code !xn}.
 * Times are offsets from the first step ({@code 90s, 5m, 1h}).
 *
 * <p>Key paths are built as in every YAML reader ({@link io.mibwatch.core.yaml.YamlReader}); unlike
 * mibwatch.yaml, a rule test file stops at its first problem, as promtool's test files do.
 */
public final class RuleTestParser {

    /** All test files start at this instant, so times in failures are easy to read. */
    public static final Instant START = Instant.parse("2000-01-01T00:00:00Z");

    private static final Pattern EXPAND = Pattern.compile("([-+]?[0-9.eE]+|_|!)(?:([-+][0-9.eE]+))?x(\\d{1,6})");

    private final String source;

    private RuleTestParser(String source) {
        this.source = source;
    }

    public static RuleTestFile parse(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new RuleTestException(file + ": cannot read: " + e.getMessage());
        }
    }

    public static RuleTestFile parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new RuleTestException(source + ": not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new RuleTestException(source + ": expected a mapping with interval, rules and tests");
        }
        return new RuleTestParser(source).file(root);
    }

    private RuleTestFile file(JsonNode root) {
        known(root, "", "interval", "defaults", "rules", "dependencies", "tests");
        Duration interval = root.has("interval") ? duration(root.get("interval"), "interval") : Duration.ofMinutes(1);
        if (interval.isZero()) {
            throw fail("interval", "must be positive");
        }
        RuleConfig config = RuleConfig.DEFAULTS;
        if (root.has("defaults")) {
            JsonNode d = root.get("defaults");
            known(d, "defaults", "references", "percentage", "events");
            config = config.withDefaults(bool(d, "references", "defaults", true), bool(d, "percentage", "defaults", true),
                    bool(d, "events", "defaults", true));
        }
        List<RuleBinding> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode r : list(root, "rules", "")) {
            rules.add(rule(r, index("rules", i++)));
        }
        config = config.withRules(rules);
        Map<String, String> deps = new LinkedHashMap<>();
        if (root.has("dependencies")) {
            Iterator<Map.Entry<String, JsonNode>> it = root.get("dependencies").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                deps.put(e.getKey(), e.getValue().asText());
            }
        }
        Dependencies dependencies;
        try {
            dependencies = new Dependencies(deps);
        } catch (IllegalArgumentException e) {
            throw fail("dependencies", e.getMessage());
        }
        List<RuleTestFile.TestCase> tests = new ArrayList<>();
        i = 0;
        for (JsonNode t : list(root, "tests", "")) {
            tests.add(test(t, index("tests", i++)));
        }
        if (tests.isEmpty()) {
            throw fail("tests", "needs at least one test");
        }
        return new RuleTestFile(source, interval, config, dependencies, tests);
    }

    private RuleBinding rule(JsonNode r, String path) {
        known(r, path, "id", "match", "kind", "direction", "warning", "critical", "rearm", "trigger", "for", "change",
                "watch", "against");
        String id = text(r, "id", path);
        JsonNode m = r.path("match");
        known(m, key(path, "match"), "device", "group", "metric", "instance");
        Selector selector = new Selector(m.path("device").asText("*"), m.path("group").asText("*"),
                m.path("metric").asText("*"), m.path("instance").asText("*"));
        String kind = r.path("kind").asText("static");
        try {
            Direction direction = Direction.valueOf(r.path("direction").asText("high").toUpperCase(Locale.ROOT));
            Levels levels = new Levels(direction, number(r, "warning", path), number(r, "critical", path),
                    number(r, "rearm", path), r.path("trigger").asInt(1),
                    r.has("for") ? duration(r.get("for"), key(path, "for")) : Duration.ZERO);
            Rule rule = switch (kind) {
                case "static" -> new StaticThreshold(RuleId.of(id), levels);
                case "change" -> new ChangeRule(RuleId.of(id),
                        ChangeRule.Kind.valueOf(r.path("change").asText("relative").toUpperCase(Locale.ROOT)),
                        ThresholdsConfig.Watch.valueOf(r.path("watch").asText("either").toUpperCase(Locale.ROOT)),
                        r.has("against") ? Optional.of(duration(r.get("against"), key(path, "against"))) : Optional.empty(),
                        levels);
                default -> throw fail(key(path, "kind"), "'" + kind + "' is not a rule kind (static, change)");
            };
            return new RuleBinding(selector, rule);
        } catch (IllegalArgumentException e) {
            throw fail(path, e.getMessage());
        }
    }

    private RuleTestFile.TestCase test(JsonNode t, String path) {
        known(t, path, "name", "series", "silences", "acks", "expect");
        String name = t.path("name").asText(path);
        List<RuleTestFile.InputSeries> series = new ArrayList<>();
        int i = 0;
        for (JsonNode s : list(t, "series", path)) {
            String p = index(key(path, "series"), i++);
            known(s, p, "device", "group", "instance", "metric", "values");
            SeriesId id;
            try {
                id = new SeriesId(text(s, "device", p), text(s, "group", p), s.path("instance").asText(""),
                        text(s, "metric", p));
            } catch (IllegalArgumentException e) {
                throw fail(p, e.getMessage());
            }
            series.add(new RuleTestFile.InputSeries(id, values(text(s, "values", p), key(p, "values"))));
        }
        List<Silence> silences = new ArrayList<>();
        i = 0;
        for (JsonNode s : list(t, "silences", path)) {
            String p = index(key(path, "silences"), i);
            known(s, p, "matchers", "start", "end", "comment");
            List<Matcher> matchers = new ArrayList<>();
            for (JsonNode m : s.path("matchers")) {
                try {
                    matchers.add(Matcher.parse(m.asText()));
                } catch (IllegalArgumentException e) {
                    throw fail(key(p, "matchers"), e.getMessage());
                }
            }
            try {
                silences.add(new Silence("s" + i, matchers, START.plus(duration(s.get("start"), key(p, "start"))),
                        START.plus(duration(s.get("end"), key(p, "end"))), "rules-test", s.path("comment").asText("")));
            } catch (IllegalArgumentException e) {
                throw fail(p, e.getMessage());
            }
            i++;
        }
        List<RuleTestFile.TimedAck> acks = new ArrayList<>();
        i = 0;
        for (JsonNode a : list(t, "acks", path)) {
            String p = index(key(path, "acks"), i++);
            known(a, p, "at", "alert", "user", "comment");
            acks.add(new RuleTestFile.TimedAck(duration(a.get("at"), key(p, "at")), alertId(text(a, "alert", p), key(p, "alert")),
                    a.path("user").asText("rules-test"), a.path("comment").asText("")));
        }
        List<RuleTestFile.Expectation> expect = new ArrayList<>();
        i = 0;
        for (JsonNode e : list(t, "expect", path)) {
            String p = index(key(path, "expect"), i++);
            known(e, p, "at", "alerts", "notifications");
            List<RuleTestFile.ExpectedAlert> alerts = new ArrayList<>();
            int j = 0;
            for (JsonNode a : list(e, "alerts", p)) {
                String q = index(key(p, "alerts"), j++);
                known(a, q, "alert", "state", "severity", "silenced", "suppressed", "acknowledged", "flapping");
                alerts.add(new RuleTestFile.ExpectedAlert(alertId(text(a, "alert", q), key(q, "alert")),
                        enumOf(AlertState.class, a.path("state").asText("firing"), key(q, "state")),
                        enumOf(Severity.class, a.path("severity").asText("warning"), key(q, "severity")),
                        bool(a, "silenced", q, false), bool(a, "suppressed", q, false),
                        bool(a, "acknowledged", q, false), bool(a, "flapping", q, false)));
            }
            Optional<List<String>> notifications = Optional.empty();
            if (e.has("notifications")) {
                List<String> n = new ArrayList<>();
                e.get("notifications").forEach(x -> n.add(x.asText()));
                notifications = Optional.of(n);
            }
            expect.add(new RuleTestFile.Expectation(duration(e.get("at"), key(p, "at")), alerts, notifications));
        }
        return new RuleTestFile.TestCase(name, series, silences, acks, expect);
    }

    private List<RuleTestFile.Step> values(String text, String path) {
        List<RuleTestFile.Step> out = new ArrayList<>();
        for (String token : text.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher m = EXPAND.matcher(token);
            if (m.matches()) {
                int n = Integer.parseInt(m.group(3));
                String base = m.group(1);
                double step = m.group(2) == null ? 0 : Double.parseDouble(m.group(2));
                for (int k = 0; k <= n; k++) {
                    out.add(base.equals("_") ? new RuleTestFile.Gap() : base.equals("!") ? new RuleTestFile.PollFailed()
                            : new RuleTestFile.Value(Double.parseDouble(base) + k * step));
                }
                continue;
            }
            switch (token) {
                case "_" -> out.add(new RuleTestFile.Gap());
                case "!" -> out.add(new RuleTestFile.PollFailed());
                default -> {
                    try {
                        out.add(new RuleTestFile.Value(Double.parseDouble(token)));
                    } catch (NumberFormatException e) {
                        throw fail(path, "'" + token + "' is not a value (number, _ for a gap, ! for a failed poll, "
                                + "or a+bxn like 1+2x3)");
                    }
                }
            }
        }
        return out;
    }

    private Duration duration(JsonNode n, String path) {
        if (absent(n)) {
            throw fail(path, "missing (a duration such as 30s, 5m, 1h)");
        }
        return DurationText.parse(n.asText()).orElseThrow(() ->
                fail(path, "'" + n.asText() + "' is not a duration (" + DurationText.EXAMPLES + ")"));
    }

    private AlertId alertId(String text, String path) {
        try {
            return AlertId.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(path, e.getMessage());
        }
    }

    private <E extends Enum<E>> E enumOf(Class<E> type, String text, String path) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(path, "'" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants())
                    .toLowerCase(Locale.ROOT));
        }
    }

    private OptionalDouble number(JsonNode n, String key, String path) {
        if (!n.has(key)) {
            return OptionalDouble.empty();
        }
        if (!n.get(key).isNumber()) {
            throw fail(key(path, key), "'" + n.get(key).asText() + "' is not a number");
        }
        return OptionalDouble.of(n.get(key).asDouble());
    }

    private boolean bool(JsonNode n, String key, String path, boolean dflt) {
        if (!n.has(key)) {
            return dflt;
        }
        if (!n.get(key).isBoolean()) {
            throw fail(key(path, key), "'" + n.get(key).asText() + "' is not true or false");
        }
        return n.get(key).asBoolean();
    }

    private String text(JsonNode n, String key, String path) {
        JsonNode v = n.get(key);
        if (absent(v) || v.asText().isBlank()) {
            throw fail(key(path, key), "missing");
        }
        return v.asText();
    }

    private Iterable<JsonNode> list(JsonNode n, String key, String path) {
        JsonNode v = n.get(key);
        if (absent(v)) {
            return List.of();
        }
        if (!v.isArray()) {
            throw fail(key(path, key), "must be a list");
        }
        return v;
    }

    private void known(JsonNode n, String path, String... keys) {
        if (n.isMissingNode()) {
            return;
        }
        if (!n.isObject()) {
            throw fail(path, "must be a mapping");
        }
        List<String> allowed = List.of(keys);
        n.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw fail(key(path, k), "unknown key (known: " + String.join(", ", allowed) + ")");
            }
        });
    }

    private RuleTestException fail(String path, String message) {
        return new RuleTestException(source + ": " + path + ": " + message);
    }
}
