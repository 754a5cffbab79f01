package io.mibwatch.config;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.key;
import static io.mibwatch.core.yaml.YamlReader.show;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code thresholds:} section: the stock rules' switches, overrides, user rules and
 * learned baselines ({@link BaselinesReader}). Same conventions as {@link ConfigReader}: a bad
 * value is recorded and skipped, reading goes on.
 */
final class ThresholdsReader {

    static final Set<String> THRESHOLD_KEYS = Set.of("vendor_references", "percentage_defaults", "percentage_levels",
            "unreachable_polls", "overrides", "rules", "baselines");
    static final Set<String> MATCH_KEYS = Set.of("device", "group", "metric", "instance");
    static final Set<String> LEVEL_KEYS = Set.of("warning", "critical", "direction", "rearm", "trigger_count", "for");
    static final Set<String> OVERRIDE_KEYS = Set.of("match", "disable", "levels");
    static final Set<String> RULE_KEYS = Set.of("name", "kind", "match", "levels", "watch", "against");
    /** {@code direction:} high (the bad side is above) or low, as true or false. */
    static final Map<String, Boolean> HIGH_LOW = Map.of("high", true, "low", false);
    /** Same as the rule engine's RuleId. */
    static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9_.:/-]+");

    private final Problems problems;
    private final BaselinesReader baselines;

    ThresholdsReader(Problems problems) {
        this.problems = problems;
        this.baselines = new BaselinesReader(problems, this::match);
    }

    ThresholdsConfig read(JsonNode n) {
        if (absent(n)) {
            return ThresholdsConfig.STOCK;
        }
        if (problems.mapping("thresholds", n, THRESHOLD_KEYS, "vendor_references, percentage_defaults, "
                + "percentage_levels, unreachable_polls, overrides, rules, baselines") == null) {
            return null;
        }
        boolean vendor = problems.bool("thresholds.vendor_references", n.get("vendor_references"), true);
        boolean pct = problems.bool("thresholds.percentage_defaults", n.get("percentage_defaults"), true);
        Optional<ThresholdsConfig.Levels> pctLevels = Optional.empty();
        if (!absent(n.get("percentage_levels"))) {
            pctLevels = Optional.ofNullable(levels("thresholds.percentage_levels", n.get("percentage_levels")));
        }
        int unreachable = 5;
        if (!absent(n.get("unreachable_polls"))) {
            Integer u = problems.integer("thresholds.unreachable_polls", n.get("unreachable_polls"), 1, 1000,
                    "failed polls in a row, 1..1000");
            unreachable = u == null ? unreachable : u;
        }
        List<ThresholdsConfig.Override> overrides = problems.items("thresholds.overrides", n.get("overrides"),
                "expected a list of {match: ..., disable: true} or {match: ..., levels: ...}", this::override);
        // rules and baselines share one name space: a name identifies the alerts of its rule
        Set<String> names = new LinkedHashSet<>();
        List<ThresholdsConfig.UserRule> rules = problems.items("thresholds.rules", n.get("rules"),
                "expected a list of rules", (path, r) -> problems.uniqueName(rule(path, r),
                        ThresholdsConfig.UserRule::name, path, names, "duplicate rule name (names identify alerts)"));
        List<ThresholdsConfig.Baseline> baselines = problems.items("thresholds.baselines", n.get("baselines"),
                "expected a list of baseline rules", (path, b) -> problems.uniqueName(this.baselines.read(path, b),
                        ThresholdsConfig.Baseline::name, path, names, "duplicate rule name (names identify alerts; "
                                + "thresholds.rules and thresholds.baselines share them)"));
        return new ThresholdsConfig(vendor, pct, pctLevels, unreachable, overrides, rules, baselines);
    }

    private ThresholdsConfig.Override override(String path, JsonNode n) {
        if (problems.mapping(path, n, OVERRIDE_KEYS, "{match: {...}, disable: true} or {match: {...}, levels: {...}}")
                == null) {
            return null;
        }
        ThresholdsConfig.Match m = match(key(path, "match"), n.get("match"));
        boolean disable = problems.bool(key(path, "disable"), n.get("disable"), false);
        ThresholdsConfig.Levels levels = null;
        if (!absent(n.get("levels"))) {
            levels = levels(key(path, "levels"), n.get("levels"));
            if (disable) {
                problems.add(path, null, "give either disable: true or levels, not both");
                return null;
            }
        }
        if (m == null) {
            return null;
        }
        return new ThresholdsConfig.Override(m, disable, Optional.ofNullable(levels));
    }

    /**
     * A series selector. {@code metric: cpu/load} is short for {@code group: cpu, metric: load}.
     */
    ThresholdsConfig.Match match(String path, JsonNode n) {
        if (absent(n)) {
            problems.add(path, null, "required: e.g. {device: \"core-*\", metric: cpu/load}");
            return null;
        }
        if (problems.mapping(path, n, MATCH_KEYS, "device, group, metric, instance globs") == null) {
            return null;
        }
        String[] v = new String[4];
        String[] keys = {"device", "group", "metric", "instance"};
        int before = problems.count();
        for (int i = 0; i < 4; i++) {
            JsonNode f = n.get(keys[i]);
            v[i] = "*";
            if (!absent(f)) {
                String s = f.isNumber() ? f.asText() : problems.requiredText(key(path, keys[i]), f);
                v[i] = s == null ? "*" : s;
            }
        }
        if (v[2].contains("/")) {
            String[] gm = v[2].split("/", 2);
            if (!n.has("group") || v[1].equals(gm[0])) {
                v[1] = gm[0];
                v[2] = gm[1];
            } else {
                problems.add(key(path, "metric"), v[2], "names group '" + gm[0] + "' but group is '" + v[1] + "'");
            }
        }
        return problems.count() != before ? null : new ThresholdsConfig.Match(v[0], v[1], v[2], v[3]);
    }

    ThresholdsConfig.Levels levels(String path, JsonNode n) {
        if (problems.mapping(path, n, LEVEL_KEYS, "warning, critical, direction, rearm, trigger_count, for") == null) {
            return null;
        }
        int before = problems.count();
        OptionalDouble warning = number(key(path, "warning"), n.get("warning"));
        OptionalDouble critical = number(key(path, "critical"), n.get("critical"));
        OptionalDouble rearm = number(key(path, "rearm"), n.get("rearm"));
        boolean high = problems.word(key(path, "direction"), n.get("direction"), HIGH_LOW, true,
                "expected high or low");
        int trigger = 1;
        if (!absent(n.get("trigger_count"))) {
            Integer t = problems.integer(key(path, "trigger_count"), n.get("trigger_count"), 1, 10000,
                    "consecutive breaching polls, 1..10000");
            trigger = t == null ? 1 : t;
        }
        Duration forDuration = problems.durationOrZero(key(path, "for"), n.get("for"));
        if (problems.count() != before) {
            return null;
        }
        if (warning.isEmpty() && critical.isEmpty()) {
            problems.add(path, null, "needs warning or critical (or both)");
            return null;
        }
        if (warning.isPresent() && critical.isPresent()) {
            double w = warning.getAsDouble();
            double c = critical.getAsDouble();
            if (high ? c < w : c > w) {
                problems.add(key(path, "critical"), show(n.get("critical")), "must be " + (high ? "at or above" : "at or below")
                        + " warning " + show(n.get("warning")) + " (direction " + (high ? "high" : "low") + ")");
                return null;
            }
        }
        if (rearm.isPresent()) {
            double first = warning.isPresent() ? warning.getAsDouble() : critical.getAsDouble();
            double r = rearm.getAsDouble();
            if (high ? r > first : r < first) {
                problems.add(key(path, "rearm"), show(n.get("rearm")), "must be on the good side of the first level "
                        + "(" + (high ? "at or below " : "at or above ") + first + ")");
                return null;
            }
        }
        return new ThresholdsConfig.Levels(high, warning, critical, rearm, trigger, forDuration);
    }

    private OptionalDouble number(String path, JsonNode n) {
        if (absent(n)) {
            return OptionalDouble.empty();
        }
        if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
            problems.add(path, show(n), "expected a number");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(n.doubleValue());
    }

    private ThresholdsConfig.UserRule rule(String path, JsonNode n) {
        if (problems.mapping(path, n, RULE_KEYS, "name, kind, match, levels, watch, against") == null) {
            return null;
        }
        int before = problems.count();
        String name = problems.requiredText(key(path, "name"), n.get("name"));
        if (name != null && !RULE_NAME.matcher(name).matches()) {
            problems.add(key(path, "name"), name, "rule names are letters, digits and _ . : / -");
        }
        ThresholdsConfig.Kind kind = ThresholdsConfig.Kind.STATIC;
        JsonNode k = n.get("kind");
        if (!absent(k)) {
            String s = problems.text(key(path, "kind"), k);
            if (s != null) {
                switch (s) {
                    case "static" -> kind = ThresholdsConfig.Kind.STATIC;
                    case "relative_change" -> kind = ThresholdsConfig.Kind.RELATIVE_CHANGE;
                    case "absolute_change" -> kind = ThresholdsConfig.Kind.ABSOLUTE_CHANGE;
                    default -> problems.add(key(path, "kind"), s, "expected static, relative_change or absolute_change");
                }
            }
        }
        ThresholdsConfig.Match m = match(key(path, "match"), n.get("match"));
        ThresholdsConfig.Levels levels = null;
        if (absent(n.get("levels"))) {
            problems.add(key(path, "levels"), null, "required");
        } else {
            levels = levels(key(path, "levels"), n.get("levels"));
        }
        ThresholdsConfig.Watch watch = ThresholdsConfig.Watch.INCREASE;
        JsonNode w = n.get("watch");
        boolean change = kind != ThresholdsConfig.Kind.STATIC;
        if (!absent(w)) {
            String s = problems.text(key(path, "watch"), w);
            if (!change && s != null) {
                problems.add(key(path, "watch"), s, "only change rules (relative_change, absolute_change) watch a direction");
            } else if (s != null) {
                try {
                    watch = ThresholdsConfig.Watch.valueOf(s.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(key(path, "watch"), s, "expected increase, decrease or either");
                }
            }
        }
        Optional<Duration> against = Optional.empty();
        if (!absent(n.get("against"))) {
            if (!change) {
                problems.add(key(path, "against"), show(n.get("against")), "only change rules compare against a past value");
            } else {
                against = Optional.ofNullable(problems.duration(key(path, "against"), n.get("against")));
            }
        }
        if (change && levels != null && !levels.high()) {
            problems.add(key(path, "levels.direction"), "low", "change rules measure the size of a change: direction "
                    + "must be high (use watch: decrease for drops)");
        }
        if (problems.count() != before) {
            return null;
        }
        return new ThresholdsConfig.UserRule(name, kind, m, levels, watch, against);
    }
}
