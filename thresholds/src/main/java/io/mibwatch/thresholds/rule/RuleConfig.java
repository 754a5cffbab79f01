package io.mibwatch.thresholds.rule;

import java.util.List;
import java.util.Objects;

/**
 * The rule configuration (the {@code thresholds:} part of mibwatch.yaml once parsed).
 *
 * @param vendorReferences   apply the catalog's reference thresholds (default on)
 * @param percentageDefaults apply {@link PercentageRule} to % metrics without a reference (default on)
 * @param percentageLevels   the levels of that rule
 * @param eventRules         reboot and interface-down rules (default on)
 * @param unreachable        the per-device unreachable rule
 * @param reboot             the reboot rule
 * @param interfaceDown      the interface-down rule
 * @param rules              user rules, added to the defaults
 * @param overrides          per device / metric / instance changes to the defaults
 */
public record RuleConfig(boolean vendorReferences, boolean percentageDefaults, Levels percentageLevels,
                         boolean eventRules, Unreachable unreachable, Reboot reboot, InterfaceDown interfaceDown,
                         List<RuleBinding> rules, List<RuleOverride> overrides) {

    public static final RuleConfig DEFAULTS = new RuleConfig(true, true, PercentageRule.DEFAULT_LEVELS, true,
            Unreachable.DEFAULT, Reboot.DEFAULT, InterfaceDown.DEFAULT, List.of(), List.of());

    public RuleConfig {
        Objects.requireNonNull(percentageLevels, "percentageLevels");
        Objects.requireNonNull(unreachable, "unreachable");
        Objects.requireNonNull(reboot, "reboot");
        Objects.requireNonNull(interfaceDown, "interfaceDown");
        rules = List.copyOf(rules);
        overrides = List.copyOf(overrides);
    }

    public RuleConfig withRules(List<RuleBinding> rules) {
        return new RuleConfig(vendorReferences, percentageDefaults, percentageLevels, eventRules, unreachable, reboot,
                interfaceDown, rules, overrides);
    }

    public RuleConfig withOverrides(List<RuleOverride> overrides) {
        return new RuleConfig(vendorReferences, percentageDefaults, percentageLevels, eventRules, unreachable, reboot,
                interfaceDown, rules, overrides);
    }

    public RuleConfig withDefaults(boolean vendorReferences, boolean percentageDefaults, boolean eventRules) {
        return new RuleConfig(vendorReferences, percentageDefaults, percentageLevels, eventRules, unreachable, reboot,
                interfaceDown, rules, overrides);
    }
}
