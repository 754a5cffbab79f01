package io.mibwatch.thresholds.apdex;

import io.mibwatch.catalog.threshold.Direction;
import io.mibwatch.config.ServicesConfig;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.rule.Levels;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.thresholds.rule.RuleBinding;
import io.mibwatch.thresholds.rule.RuleId;
import io.mibwatch.thresholds.rule.Selector;
import io.mibwatch.thresholds.rule.StaticThreshold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The live Apdex of each service for the daemon: keeps the member samples of the last window
 * and, whenever a member sample arrives, gives the service's Apdex over [now - window, now] as a
 * sample of the derived series {@code SERVICE:apdex//score}. The alert is then an ordinary low
 * threshold on that series ({@link #rules}), so the alert lifecycle (pending, for, flapping,
 * acks, notifications) is the one every other alert has. Not thread-safe: the daemon calls it
 * under its alerting lock.
 */
public final class ApdexMonitor {

    public static final String GROUP = "apdex";
    public static final String METRIC = "score";
    /** Apdex spec v1.1 rating "Unacceptable" below 0.50: critical whatever the configured level. */
    public static final double UNACCEPTABLE = 0.5;

    private record Watched(String service, Duration window, MemberTarget member) {
    }

    private final Map<SeriesId, List<Watched>> bySeries = new HashMap<>();
    private final Map<String, Map<MemberTarget, Deque<Sample>>> recent = new LinkedHashMap<>();
    private final Map<String, Duration> windows = new HashMap<>();

    /**
     * @throws IllegalArgumentException a member whose target cannot be converted (names the member)
     */
    public ApdexMonitor(ServicesConfig services, MetricUnits units) {
        for (ServicesConfig.Service s : services.services()) {
            Map<MemberTarget, Deque<Sample>> members = new LinkedHashMap<>();
            for (int i = 0; i < s.members().size(); i++) {
                MemberTarget m = MemberTarget.of(s.members().get(i), units,
                        "services." + s.name() + ".members[" + i + "]");
                members.put(m, new ArrayDeque<>());
                bySeries.computeIfAbsent(m.series(), k -> new ArrayList<>()).add(new Watched(s.name(), s.window(), m));
            }
            recent.put(s.name(), members);
            windows.put(s.name(), s.window());
        }
    }

    /** The derived series of a service's Apdex. */
    public static SeriesId seriesOf(String service) {
        return new SeriesId(service, GROUP, "", METRIC);
    }

    /** Rules for the services with an {@code apdex_alert}: warning below the level, critical below 0.5. */
    public static List<RuleBinding> rules(ServicesConfig services) {
        List<RuleBinding> out = new ArrayList<>();
        for (ServicesConfig.Service s : services.services()) {
            s.alert().ifPresent(a -> {
                OptionalDouble critical = a.below() > UNACCEPTABLE ? OptionalDouble.of(UNACCEPTABLE) : OptionalDouble.empty();
                Levels levels = new Levels(Direction.LOW, OptionalDouble.of(a.below()), critical, OptionalDouble.empty(),
                        1, a.forDuration());
                out.add(new RuleBinding(new Selector(s.name(), GROUP, METRIC, ""),
                        new StaticThreshold(RuleId.of("apdex:" + s.name()), levels)));
            });
        }
        return out;
    }

    /** Takes a cycle's samples; returns one Apdex sample per service that had a member in them. */
    public List<Sample> offer(List<Sample> samples) {
        Map<String, Instant> touched = new LinkedHashMap<>();
        for (Sample x : samples) {
            List<Watched> ws = bySeries.get(x.series());
            if (ws == null) {
                continue;
            }
            for (Watched w : ws) {
                recent.get(w.service()).get(w.member()).addLast(x);
                touched.merge(w.service(), x.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<Sample> out = new ArrayList<>();
        touched.forEach((service, now) -> {
            Instant from = now.minus(windows.get(service));
            ApdexResult sum = ApdexResult.EMPTY;
            for (Map.Entry<MemberTarget, Deque<Sample>> e : recent.get(service).entrySet()) {
                Deque<Sample> q = e.getValue();
                while (!q.isEmpty() && !q.peekFirst().at().isAfter(from)) {
                    q.removeFirst();
                }
                sum = sum.plus(Apdex.score(q.stream().map(Sample::value).toList(), e.getKey().target()));
            }
            // no known sample in the window: a gap, never a perfect or a zero score
            out.add(new Sample(seriesOf(service), now, sum.score().orElse(Double.NaN)));
        });
        return out;
    }
}
