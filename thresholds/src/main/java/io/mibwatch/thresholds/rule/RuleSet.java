package io.mibwatch.thresholds.rule;

import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.catalog.threshold.Reference;
import io.mibwatch.catalog.threshold.ReferenceThresholds;
import io.mibwatch.core.series.SeriesId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which rules apply to a series: the defaults (vendor reference, else the
 * percentage default for % metrics; reboot on {@code system//uptime}; interface down on
 * {@code interfaces/IF/operStatus}; unreachable on {@code poll//reachable}), changed by the
 * most specific matching {@link RuleOverride}, plus every matching user rule. Immutable and
 * pure; the engine caches the answer per series.
 */
public final class RuleSet {

    private final RuleConfig config;
    private final ReferenceThresholds references;
    private final MetricUnits units;

    public RuleSet(RuleConfig config, ReferenceThresholds references, MetricUnits units) {
        this.config = Objects.requireNonNull(config, "config");
        this.references = Objects.requireNonNull(references, "references");
        this.units = Objects.requireNonNull(units, "units");
    }

    /** Rules over the catalog shipped in the jar. */
    public static RuleSet standard(RuleConfig config) {
        MetricCatalog catalog = MetricCatalog.standard();
        return new RuleSet(config, catalog.thresholds(), MetricUnits.of(catalog));
    }

    public RuleConfig config() {
        return config;
    }

    public List<Rule> resolve(SeriesId s) {
        return resolve(s.device(), s.group(), s.metric(), s.instance());
    }

    /** The rules for one series, defaults first, then user rules in config order. */
    public List<Rule> resolve(String device, String group, String metric, String instance) {
        List<Rule> out = new ArrayList<>();
        Optional<RuleOverride.Action> override = override(device, group, metric, instance);
        boolean disabled = override.filter(a -> a instanceof RuleOverride.Disable).isPresent();
        if (!disabled) {
            Optional<Rule> threshold = thresholdDefault(group, metric);
            if (override.isPresent() && override.get() instanceof RuleOverride.UseLevels use) {
                threshold = Optional.of(withLevels(threshold, group, metric, use.levels()));
            }
            threshold.ifPresent(out::add);
            out.addAll(eventDefaults(group, metric));
        }
        for (RuleBinding b : config.rules()) {
            if (b.selector().matches(device, group, metric, instance)) {
                out.add(b.rule());
            }
        }
        return List.copyOf(out);
    }

    private Optional<RuleOverride.Action> override(String device, String group, String metric, String instance) {
        RuleOverride best = null;
        for (RuleOverride o : config.overrides()) {
            if (o.selector().matches(device, group, metric, instance)
                    && (best == null || o.selector().specificity() >= best.selector().specificity())) {
                best = o;
            }
        }
        return Optional.ofNullable(best).map(RuleOverride::action);
    }

    private Optional<Rule> thresholdDefault(String group, String metric) {
        if (config.vendorReferences()) {
            Optional<Reference> ref = references.forMetric(group, metric);
            if (ref.isPresent()) {
                return Optional.of(ReferenceRule.of(ref.get()));
            }
        }
        // a metric with a reference but references switched off gets no percentage rule either:
        // its reference says what is bad (UPS charge % is bad when low, not high)
        if (config.percentageDefaults() && references.forMetric(group, metric).isEmpty()
                && units.unitOf(group, metric).filter("%"::equals).isPresent()) {
            return Optional.of(PercentageRule.forMetric(group, metric, config.percentageLevels()));
        }
        return Optional.empty();
    }

    private static Rule withLevels(Optional<Rule> current, String group, String metric, Levels levels) {
        if (current.isPresent()) {
            Rule r = current.get();
            if (r instanceof ReferenceRule ref) {
                return new ReferenceRule(ref.id(), levels, ref.source() + " (levels overridden in config)");
            }
            if (r instanceof PercentageRule p) {
                return new PercentageRule(p.id(), levels);
            }
        }
        return new StaticThreshold(RuleId.of("levels:" + group + "/" + metric), levels);
    }

    private List<Rule> eventDefaults(String group, String metric) {
        List<Rule> out = new ArrayList<>();
        if (group.equals(Unreachable.GROUP) && metric.equals(Unreachable.METRIC)) {
            out.add(config.unreachable());
        }
        if (config.eventRules()) {
            if (group.equals(Reboot.GROUP) && metric.equals(Reboot.METRIC)) {
                out.add(config.reboot());
            }
            if (group.equals(InterfaceDown.GROUP) && metric.equals(InterfaceDown.OPER)) {
                out.add(config.interfaceDown());
            }
        }
        return out;
    }
}
