package io.mibwatch.thresholds.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.catalog.metric.MetricDef;
import io.mibwatch.catalog.metric.MetricGroup;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which rules apply to which series, over the catalog shipped in mib-catalog. */
class RuleSetTest {

    static final Levels CUSTOM = Levels.high(50, 60);
    static final RuleConfig OVERRIDDEN = RuleConfig.DEFAULTS.withOverrides(List.of(
            new RuleOverride(Selector.device("lab-*"), new RuleOverride.Disable()),
            new RuleOverride(new Selector("lab-1", "cpu", "load", Selector.ANY), new RuleOverride.Enable()),
            new RuleOverride(Selector.metric("cpu", "load"), new RuleOverride.UseLevels(CUSTOM)),
            new RuleOverride(new Selector("core1", "interfaces", "inUtil", "3"), new RuleOverride.Disable()),
            new RuleOverride(new Selector("srv1", "ucd", "memUsedPct", Selector.ANY),
                    new RuleOverride.UseLevels(Levels.high(70, 80)))))
            .withRules(List.of(new RuleBinding(new Selector("srv1", "ucd", "load5", Selector.ANY),
                    new StaticThreshold(RuleId.of("load5-high"), Levels.high(4, 8)))));

    static Stream<Arguments> resolutions() {
        return Stream.of(
                arguments(RuleConfig.DEFAULTS, "srv1 cpu load 1", "reference:cpu/load"),
                arguments(RuleConfig.DEFAULTS, "core1 interfaces inUtil 3", "reference:interfaces/inUtil"),
                arguments(RuleConfig.DEFAULTS, "core1 interfaces operStatus 3", "event:ifdown"),
                arguments(RuleConfig.DEFAULTS, "core1 interfaces inOctets 3", ""),
                arguments(RuleConfig.DEFAULTS, "srv1 system uptime -", "event:reboot"),
                arguments(RuleConfig.DEFAULTS, "srv1 poll reachable -", "unreachable"),
                arguments(RuleConfig.DEFAULTS.withDefaults(false, true, false), "srv1 cpu load 1", ""),
                arguments(RuleConfig.DEFAULTS.withDefaults(true, true, false), "srv1 system uptime -", ""),
                // most specific override wins: device glob disables, device+metric enables again,
                // metric-wide levels apply to other devices
                arguments(OVERRIDDEN, "lab-2 cpu load 1", ""),
                arguments(OVERRIDDEN, "lab-2 poll reachable -", ""),
                arguments(OVERRIDDEN, "lab-1 cpu load 1", "reference:cpu/load"),
                arguments(OVERRIDDEN, "srv9 cpu load 1", "reference:cpu/load"),
                arguments(OVERRIDDEN, "core1 interfaces inUtil 3", ""),
                arguments(OVERRIDDEN, "core1 interfaces inUtil 4", "reference:interfaces/inUtil"),
                arguments(OVERRIDDEN, "srv1 ucd load5 -", "load5-high"),
                arguments(OVERRIDDEN, "srv2 ucd load5 -", ""));
    }

    @ParameterizedTest(name = "{1} -> [{2}]")
    @MethodSource("resolutions")
    void resolve(RuleConfig config, String series, String expectedIds) {
        String[] s = series.split(" ");
        List<Rule> rules = RuleSet.standard(config).resolve(s[0], s[1], s[2], s[3].equals("-") ? "" : s[3]);
        assertEquals(expectedIds, rules.stream().map(r -> r.id().value()).collect(Collectors.joining(",")));
    }

    @Test
    void useLevelsKeepsTheReferenceRuleIdSoAlertsKeepTheirIdentity() {
        Rule r = RuleSet.standard(OVERRIDDEN).resolve("srv9", "cpu", "load", "1").get(0);
        ReferenceRule ref = assertInstanceOf(ReferenceRule.class, r);
        assertEquals("reference:cpu/load", ref.id().value());
        assertEquals(CUSTOM, ref.levels());
    }

    @Test
    void percentageDefaultAppliesToPercentMetricsWithoutReference() {
        Levels levels = Levels.high(90, 95);
        MetricUnits units = (g, m) -> java.util.Optional.of(m.endsWith("Pct") ? "%" : "bytes");
        RuleSet set = new RuleSet(RuleConfig.DEFAULTS, new io.mibwatch.catalog.threshold.ReferenceThresholds(List.of()),
                units);
        Rule r = set.resolve("srv1", "x", "fooPct", "").get(0);
        assertInstanceOf(PercentageRule.class, r);
        assertEquals("percent:x/fooPct", r.id().value());
        assertEquals(List.of(), set.resolve("srv1", "x", "used", ""));
        assertEquals(List.of(), new RuleSet(RuleConfig.DEFAULTS.withDefaults(true, false, true),
                new io.mibwatch.catalog.threshold.ReferenceThresholds(List.of()), units).resolve("srv1", "x", "fooPct", ""));
        assertEquals(levels.direction(), ((PercentageRule) r).levels().direction());
    }

    /**
     * Regression guard: a HIGH percentage default on a metric where low is bad (UPS charge)
     * would page at 100 % charge. Every % metric of the shipped catalog resolves to its
     * reference or to the percentage default, never both, and low-is-bad metrics have a reference.
     */
    @Test
    void everyPercentMetricOfTheCatalogGetsExactlyOneThresholdRule() {
        MetricCatalog catalog = MetricCatalog.standard();
        RuleSet set = RuleSet.standard(RuleConfig.DEFAULTS);
        for (MetricGroup g : catalog.groups()) {
            for (MetricDef m : g.metrics()) {
                if (!m.unit().equals("%")) {
                    continue;
                }
                List<Rule> rules = set.resolve("d", g.name(), m.name(), "1");
                assertEquals(1, rules.size(), g.name() + "/" + m.name() + ": " + rules);
                if (m.name().toLowerCase().contains("charge")) {
                    assertInstanceOf(ReferenceRule.class, rules.get(0), g.name() + "/" + m.name());
                }
            }
        }
    }
}
