package io.mibwatch.thresholds.baseline;

import io.mibwatch.catalog.threshold.Direction;
import io.mibwatch.config.ThresholdsConfig;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.rule.BaselineRule;
import io.mibwatch.thresholds.rule.RuleBinding;
import io.mibwatch.thresholds.rule.RuleId;
import io.mibwatch.thresholds.rule.Selector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code thresholds.baselines} rules of a config, with the {@link BaselineService}s that learn
 * their models from stored history. Rules that learn alike (same weeks, weekday/weekend split and
 * zone) share one service, which learns every slot width they ask for, for the stored series any
 * of them matches.
 *
 * <p>{@link #start} learns at once and then daily, each service on its own low-priority thread:
 * polling and rule evaluation only ever read the last published tables, so they never wait for
 * learning. A series without a table yet (history still being read, or a series that appeared
 * since the last refresh) is quiet, like one still learning.
 */
public final class BaselineRules implements AutoCloseable {

    /** How often the services check whether a refresh is due (they refresh daily by their clock). */
    public static final Duration CHECK_EVERY = Duration.ofMinutes(10);

    private record Group(int weeks, boolean split, ZoneId zone) {
    }

    /** One configured rule: its binding for the rule engine and the service that feeds it. */
    public record Bound(ThresholdsConfig.Baseline config, RuleBinding binding, BaselineRule rule) {
    }

    /** Where one series stands with one rule (for {@code baseline status} and tests). */
    public record Status(String rule, SeriesId series, BaselineRule.Readiness readiness, OptionalDouble limit) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(BaselineRules.class);

    private final List<Bound> rules;
    private final List<BaselineService> services;
    private final Clock clock;
    private final Supplier<? extends Collection<SeriesId>> stored;
    private ScheduledExecutorService thread;

    private BaselineRules(List<Bound> rules, List<BaselineService> services, Clock clock,
                          Supplier<? extends Collection<SeriesId>> stored) {
        this.rules = List.copyOf(rules);
        this.services = List.copyOf(services);
        this.clock = clock;
        this.stored = stored;
    }

    /**
     * @param stored every stored series (asked at each refresh; only those a rule matches are learned)
     * @param systemZone the zone of rules that name none
     */
    public static BaselineRules of(ThresholdsConfig config, StoredHistory history, Clock clock,
                                   Supplier<? extends Collection<SeriesId>> stored, ZoneId systemZone) {
        Objects.requireNonNull(history, "history");
        Map<Group, List<ThresholdsConfig.Baseline>> groups = new LinkedHashMap<>();
        for (ThresholdsConfig.Baseline b : config.baselines()) {
            groups.computeIfAbsent(new Group(b.weeks(), b.splitWeekend(), b.zone().orElse(systemZone)),
                    k -> new ArrayList<>()).add(b);
        }
        List<Bound> bound = new ArrayList<>();
        List<BaselineService> services = new ArrayList<>();
        for (Map.Entry<Group, List<ThresholdsConfig.Baseline>> g : groups.entrySet()) {
            List<Selector> selectors = g.getValue().stream().map(b -> selector(b.match())).toList();
            Set<SlotWidth> widths = EnumSet.noneOf(SlotWidth.class);
            g.getValue().forEach(b -> widths.add(width(b)));
            Supplier<List<SeriesId>> mine = () -> stored.get().stream()
                    .filter(s -> selectors.stream().anyMatch(sel -> sel.matches(s))).toList();
            BaselineService service = new BaselineService(history, clock, mine, new BaselineService.Settings(
                    g.getKey().weeks(), widths, g.getKey().split(), g.getKey().zone(), Duration.ofDays(1)));
            services.add(service);
            for (ThresholdsConfig.Baseline b : g.getValue()) {
                BaselineRule rule = rule(b, service);
                bound.add(new Bound(b, new RuleBinding(selector(b.match()), rule), rule));
            }
        }
        // file order, not group order: alerts and status lists follow the config
        bound.sort(java.util.Comparator.comparingInt(x -> config.baselines().indexOf(x.config())));
        return new BaselineRules(bound, services, clock, stored);
    }

    static BaselineRule rule(ThresholdsConfig.Baseline b, Baselines model) {
        ThresholdsConfig.BaselineMargin m = b.margin();
        return new BaselineRule(RuleId.of(b.name()), width(b), b.reference(),
                m.multiple() ? BaselineRule.Margin.times(m.amount()) : BaselineRule.Margin.percent(m.amount()),
                b.high() ? Direction.HIGH : Direction.LOW, b.critical() ? Severity.CRITICAL : Severity.WARNING,
                Arming.weeks(b.armWeeks()), model, b.forDuration());
    }

    private static SlotWidth width(ThresholdsConfig.Baseline b) {
        return b.slotMinutes() == 20 ? SlotWidth.MIN_20 : SlotWidth.MIN_60;
    }

    static Selector selector(ThresholdsConfig.Match m) {
        return new Selector(m.device(), m.group(), m.metric(), m.instance());
    }

    public List<Bound> rules() {
        return rules;
    }

    /** The bindings to add to the rule engine's user rules. */
    public List<RuleBinding> bindings() {
        return rules.stream().map(Bound::binding).toList();
    }

    /**
     * Starts learning in the background, on one low-priority thread: at once, then whenever a
     * service's daily refresh is due (checked every {@link #CHECK_EVERY}). Each refresh is logged
     * with how many series are armed and how many still learning. Everything is caught and logged:
     * a scheduled task that throws is never run again.
     */
    public synchronized void start() {
        if (rules.isEmpty() || thread != null) {
            return;
        }
        thread = BaselineService.refreshThread();
        thread.scheduleWithFixedDelay(() -> {
            try {
                if (refreshNow()) {
                    logStatus();
                }
            } catch (RuntimeException e) {
                LOG.error("baseline refresh failed", e);
            }
        }, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Learns every model that is due (all of them the first time), on the caller's thread; true if any was. */
    public boolean refreshNow() {
        boolean any = false;
        for (BaselineService s : services) {
            any |= s.refreshIfDue();
        }
        return any;
    }

    private void logStatus() {
        List<Status> all = status(stored.get(), clock.instant());
        for (Bound b : rules) {
            Map<BaselineRule.Readiness, Long> n = all.stream().filter(s -> s.rule().equals(b.config().name()))
                    .collect(java.util.stream.Collectors.groupingBy(Status::readiness, java.util.stream.Collectors.counting()));
            LOG.info("baseline rule {}: {} series armed, {} learning, {} without history", b.config().name(),
                    n.getOrDefault(BaselineRule.Readiness.ARMED, 0L), n.getOrDefault(BaselineRule.Readiness.LEARNING, 0L),
                    n.getOrDefault(BaselineRule.Readiness.NO_MODEL, 0L));
        }
    }

    /** True once every service has learned at least once. */
    public boolean learned() {
        return services.stream().allMatch(s -> s.lastRefresh().isPresent());
    }

    /** When the models were last learned (the oldest of the services), empty before the first time. */
    public Optional<Instant> lastRefresh() {
        Optional<Instant> oldest = Optional.empty();
        for (BaselineService s : services) {
            Optional<Instant> r = s.lastRefresh();
            if (r.isEmpty()) {
                return Optional.empty();
            }
            oldest = oldest.isEmpty() || r.get().isBefore(oldest.get()) ? r : oldest;
        }
        return oldest;
    }

    /** Where each series stands with each rule that matches it, at {@code at}. */
    public List<Status> status(Collection<SeriesId> series, Instant at) {
        List<Status> out = new ArrayList<>();
        for (Bound b : rules) {
            for (SeriesId s : series) {
                if (b.binding().selector().matches(s)) {
                    out.add(new Status(b.config().name(), s, b.rule().readiness(s), b.rule().limit(s, at)));
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
        services.forEach(BaselineService::close);
    }
}
