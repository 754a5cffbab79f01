package io.mibwatch.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code thresholds:} section of mibwatch.yaml, validated but still in config terms: the
 * thresholds module maps it onto the rule engine's types, so this module does not depend on them.
 * The enums the rule engine needs as they are ({@link Watch}, {@link BaselineReference}) are
 * declared here and used by it directly, so each is one type rather than a copy per module.
 *
 * @param vendorReferences   apply the catalog's reference thresholds
 * @param percentageDefaults apply the common-sense rule to % metrics without a reference
 * @param percentageLevels   levels of that rule (empty: the stock 90/95)
 * @param unreachablePolls   failed polls in a row that make a device unreachable
 * @param overrides          per device / metric / instance changes of the defaults, in file order
 * @param rules              user rules, in file order
 * @param baselines          learned time-of-day baseline rules, in file order
 */
public record ThresholdsConfig(boolean vendorReferences, boolean percentageDefaults, Optional<Levels> percentageLevels,
                               int unreachablePolls, List<Override> overrides, List<UserRule> rules,
                               List<Baseline> baselines) {

    public static final ThresholdsConfig STOCK = new ThresholdsConfig(true, true, Optional.empty(), 5, List.of(),
            List.of());

    public ThresholdsConfig {
        Objects.requireNonNull(percentageLevels, "percentageLevels");
        overrides = List.copyOf(overrides);
        rules = List.copyOf(rules);
        baselines = List.copyOf(baselines);
    }

    /** Without baseline rules. */
    public ThresholdsConfig(boolean vendorReferences, boolean percentageDefaults, Optional<Levels> percentageLevels,
                            int unreachablePolls, List<Override> overrides, List<UserRule> rules) {
        this(vendorReferences, percentageDefaults, percentageLevels, unreachablePolls, overrides, rules, List.of());
    }

    /** Which series: globs with {@code *}; {@code *} = any. */
    public record Match(String device, String group, String metric, String instance) {
        public static final Match ALL = new Match("*", "*", "*", "*");

        public Match {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(instance, "instance");
        }
    }

    /**
     * Warning / critical levels.
     *
     * @param high         true: high values are bad; false: low values are
     * @param triggerCount consecutive breaching polls needed
     * @param forDuration  how long the breach must last (zero: at once)
     */
    public record Levels(boolean high, OptionalDouble warning, OptionalDouble critical, OptionalDouble rearm,
                         int triggerCount, Duration forDuration) {
        public Levels {
            Objects.requireNonNull(warning, "warning");
            Objects.requireNonNull(critical, "critical");
            Objects.requireNonNull(rearm, "rearm");
            Objects.requireNonNull(forDuration, "forDuration");
        }
    }

    /** An override: {@code disable} the defaults, or use {@code levels}; neither = the defaults again. */
    public record Override(Match match, boolean disable, Optional<Levels> levels) {
        public Override {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(levels, "levels");
        }
    }

    /**
     * What a user rule measures ({@code kind}): the value itself, or its relative or absolute
     * change. It picks the rule, so it is not the change rule's own {@code ChangeRule.Kind}
     * (relative or absolute) of the thresholds module: STATIC is no kind of change, and a change
     * rule that could be given it would have to refuse it at run time. The thresholds module maps
     * each value here to its rule.
     */
    public enum Kind { STATIC, RELATIVE_CHANGE, ABSOLUTE_CHANGE }

    /**
     * Which direction of change is bad (change rules). The one type for it: the config reader
     * parses {@code watch} into it and the rule engine's change rule (and the rule-test files)
     * evaluate by it as is, so it lives here, where both see it (config cannot depend on
     * thresholds). It has no behaviour of its own: the change rule turns a change into the
     * magnitude its levels judge by it.
     */
    public enum Watch {
        /** A rise is bad. */
        INCREASE,
        /** A drop is bad. */
        DECREASE,
        /** A change either way is bad. */
        EITHER
    }

    /**
     * A user rule.
     *
     * @param name    rule id ([A-Za-z0-9_.:/-]+), part of its alerts' identity
     * @param against change rules: compare with the value this long ago; empty = the previous value
     */
    public record UserRule(String name, Kind kind, Match match, Levels levels, Watch watch,
                           Optional<Duration> against) {
        public UserRule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(levels, "levels");
            Objects.requireNonNull(watch, "watch");
            Objects.requireNonNull(against, "against");
        }
    }

    /**
     * Which slot statistic a baseline rule compares with: its limit is this statistic of the
     * slot the value falls in, times the margin. The one type for it: the config reader parses
     * {@code reference} into it and the rule engine's baseline rule uses it as is, so it lives
     * here, where both see it (config cannot depend on thresholds). Picking the statistic out of a
     * slot's statistics is done by the thresholds module, which owns them ({@code SlotStats.statistic}).
     */
    public enum BaselineReference {
        /** The arithmetic mean of the slot's samples. */
        MEAN,
        /** The 75th percentile of the slot's samples. */
        P75,
        /** The 90th percentile of the slot's samples. */
        P90
    }

    /**
     * How far from the slot's reference a value may go: {@code percent} (limit = ref x (1 +- p/100))
     * or a multiple (limit = ref x k, or ref / k when low is bad).
     */
    public record BaselineMargin(boolean multiple, double amount) {
    }

    /**
     * A learned-baseline rule ({@code thresholds.baselines[]}).
     *
     * @param name         rule id, part of its alerts' identity
     * @param slotMinutes  20 or 60
     * @param weeks        weeks of history learned from
     * @param armWeeks     weeks' worth of samples every slot needs before the rule alerts
     * @param splitWeekend separate weekday and weekend rows
     * @param high         true: higher than the baseline is bad; false: lower is
     * @param critical     the severity of its alerts: critical, else warning
     * @param forDuration  how long the value must stay out of its baseline before the alert fires
     * @param zone         the zone the slots are local to (empty: the system's)
     */
    public record Baseline(String name, Match match, BaselineReference reference, BaselineMargin margin,
                           int slotMinutes, int weeks, int armWeeks, boolean splitWeekend, boolean high,
                           boolean critical, Duration forDuration, Optional<java.time.ZoneId> zone) {
        public Baseline {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(margin, "margin");
            Objects.requireNonNull(forDuration, "forDuration");
            Objects.requireNonNull(zone, "zone");
        }
    }
}
