package io.mibwatch.config;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.key;
import static io.mibwatch.core.yaml.YamlReader.show;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads one entry of {@code thresholds.baselines}: a rule that learns each series' usual value
 * per time-of-day slot and alerts on a margin above (or below) it. Same conventions as
 * {@link ConfigReader}: a bad value is recorded and skipped, reading goes on.
 */
final class BaselinesReader {

    static final Set<String> BASELINE_KEYS = Set.of("name", "match", "reference", "margin", "slot", "weeks",
            "arm_weeks", "split_weekend", "direction", "severity", "for", "zone");
    /** {@code 30%} or {@code 30 %}: a percentage margin; {@code x2}, {@code 2x}: a multiple. */
    static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    static final Pattern MULTIPLE = Pattern.compile("(?:x\\s*(\\d+(?:\\.\\d+)?)|(\\d+(?:\\.\\d+)?)\\s*x)");

    private final Problems problems;
    /** Reads the {@code match:} selector, shared with overrides and rules. */
    private final BiFunction<String, JsonNode, ThresholdsConfig.Match> match;

    BaselinesReader(Problems problems, BiFunction<String, JsonNode, ThresholdsConfig.Match> match) {
        this.problems = problems;
        this.match = match;
    }

    /**
     * A learned-baseline rule:
     * {@code {name, match, reference: mean|p75|p90, margin: 30% | x2, slot: 20m|60m, weeks: 4,
     * arm_weeks: 2, split_weekend: true, direction: high|low, severity: warning|critical, for: 0s, zone}}.
     */
    ThresholdsConfig.Baseline read(String path, JsonNode n) {
        if (problems.mapping(path, n, BASELINE_KEYS, "name, match, reference, margin, slot, weeks, arm_weeks, "
                + "split_weekend, direction, severity, for, zone") == null) {
            return null;
        }
        int before = problems.count();
        String name = problems.requiredText(key(path, "name"), n.get("name"));
        if (name != null && !ThresholdsReader.RULE_NAME.matcher(name).matches()) {
            problems.add(key(path, "name"), name, "rule names are letters, digits and _ . : / -");
        }
        ThresholdsConfig.Match m = match.apply(key(path, "match"), n.get("match"));
        ThresholdsConfig.BaselineReference ref = ThresholdsConfig.BaselineReference.P90;
        JsonNode r = n.get("reference");
        if (!absent(r)) {
            String s = problems.text(key(path, "reference"), r);
            if (s != null) {
                try {
                    ref = ThresholdsConfig.BaselineReference.valueOf(s.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(key(path, "reference"), s, "expected mean, p75 or p90");
                }
            }
        }
        boolean high = problems.word(key(path, "direction"), n.get("direction"), ThresholdsReader.HIGH_LOW, true,
                "expected high (higher than usual is bad) or low (lower is bad)");
        ThresholdsConfig.BaselineMargin margin = null;
        JsonNode mg = n.get("margin");
        if (absent(mg)) {
            problems.add(key(path, "margin"), null, "required: a percentage above (or below) the reference such as "
                    + "30%, or a multiple such as x2");
        } else {
            margin = margin(key(path, "margin"), mg, high);
        }
        int slot = 60;
        JsonNode sl = n.get("slot");
        if (!absent(sl)) {
            String s = sl.isIntegralNumber() ? sl.asText() : problems.text(key(path, "slot"), sl);
            if (s != null) {
                switch (s) {
                    case "20m", "20" -> slot = 20;
                    case "60m", "60", "1h" -> slot = 60;
                    default -> problems.add(key(path, "slot"), s, "expected 20m (72 slots a day) or 60m (24 slots)");
                }
            }
        }
        int weeks = 4;
        if (!absent(n.get("weeks"))) {
            Integer w = problems.integer(key(path, "weeks"), n.get("weeks"), 1, 52, "weeks of history, 1..52");
            weeks = w == null ? weeks : w;
        }
        int arm = 2;
        if (!absent(n.get("arm_weeks"))) {
            Integer w = problems.integer(key(path, "arm_weeks"), n.get("arm_weeks"), 1, 52,
                    "weeks of samples before alerting, 1..52");
            arm = w == null ? arm : w;
        }
        if (arm > weeks && problems.count() == before) {
            problems.add(key(path, "arm_weeks"), show(n.get("arm_weeks")), "cannot exceed weeks (" + weeks
                    + "): the rule would never learn enough to alert");
        }
        boolean split = problems.bool(key(path, "split_weekend"), n.get("split_weekend"), true);
        boolean critical = problems.word(key(path, "severity"), n.get("severity"),
                Map.of("critical", true, "warning", false), false, "expected warning or critical");
        Duration forDuration = problems.durationOrZero(key(path, "for"), n.get("for"));
        Optional<java.time.ZoneId> zone = Optional.empty();
        if (!absent(n.get("zone"))) {
            String z = problems.requiredText(key(path, "zone"), n.get("zone"));
            if (z != null) {
                try {
                    zone = Optional.of(java.time.ZoneId.of(z));
                } catch (java.time.DateTimeException e) {
                    problems.add(key(path, "zone"), z, "unknown time zone (e.g. UTC, Europe/Paris)");
                }
            }
        }
        if (problems.count() != before) {
            return null;
        }
        return new ThresholdsConfig.Baseline(name, m, ref, margin, slot, weeks, arm, split, high, critical,
                forDuration, zone);
    }

    private ThresholdsConfig.BaselineMargin margin(String path, JsonNode n, boolean high) {
        String s = n.isNumber() ? null : n.isTextual() ? n.textValue().trim() : null;
        if (s != null) {
            java.util.regex.Matcher pm = PERCENT.matcher(s);
            if (pm.matches()) {
                double p = Double.parseDouble(pm.group(1));
                if (p <= 0) {
                    problems.add(path, s, "must be above 0%");
                    return null;
                }
                if (!high && p >= 100) {
                    problems.add(path, s, "with direction low the limit is the reference minus the margin: "
                            + "below 100% (or use a multiple such as x2, the reference halved)");
                    return null;
                }
                return new ThresholdsConfig.BaselineMargin(false, p);
            }
            java.util.regex.Matcher mm = MULTIPLE.matcher(s);
            if (mm.matches()) {
                double k = Double.parseDouble(mm.group(1) != null ? mm.group(1) : mm.group(2));
                if (k <= 1) {
                    problems.add(path, s, "a multiple must be above 1 (x1 is the reference itself)");
                    return null;
                }
                return new ThresholdsConfig.BaselineMargin(true, k);
            }
        }
        problems.add(path, show(n), "expected a percentage such as 10%, 30%, 50% or a multiple such as x2");
        return null;
    }
}
