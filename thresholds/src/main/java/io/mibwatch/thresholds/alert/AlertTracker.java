package io.mibwatch.thresholds.alert;

import io.mibwatch.thresholds.rule.Condition;
import io.mibwatch.thresholds.rule.RuleResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Holds every alert and drives them through {@link AlertStateMachine} as evaluations,
 * acknowledgements, silences and device reachability arrive. Thread-safe (one lock: each call
 * is short and allocation-light; shard by device if profiling says so). Time comes from the
 * injected clock.
 *
 * <p>INACTIVE alerts are dropped at once; RESOLVED ones after {@code resolvedRetention} once
 * their flap history is empty, so memory follows the number of active problems, not series.
 */
public final class AlertTracker {

    private final Clock clock;
    private final Dependencies dependencies;
    private final FlapPolicy flap;
    private final Duration resolvedRetention;
    private final Map<AlertId, Alert> alerts = new HashMap<>();
    private final Map<String, Silence> silences = new LinkedHashMap<>();
    private final Set<String> unreachable = new HashSet<>();

    public AlertTracker(Clock clock, Dependencies dependencies, FlapPolicy flap, Duration resolvedRetention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dependencies = Objects.requireNonNull(dependencies, "dependencies");
        this.flap = Objects.requireNonNull(flap, "flap");
        this.resolvedRetention = Objects.requireNonNull(resolvedRetention, "resolvedRetention");
    }

    /** Feeds rule results (from {@link io.mibwatch.thresholds.rule.RuleEngine#observe}). */
    public synchronized AlertChanges onResults(List<RuleResult> results) {
        AlertChanges.Collector c = new AlertChanges.Collector();
        Instant now = clock.instant();
        for (RuleResult r : results) {
            evaluate(new AlertId(r.rule().id(), r.series()), r.evaluation().condition(), now, c);
        }
        return c.build();
    }

    /** Feeds one evaluation. */
    public synchronized AlertChanges onEvaluation(AlertId id, Optional<Condition> condition) {
        AlertChanges.Collector c = new AlertChanges.Collector();
        evaluate(id, condition, clock.instant(), c);
        return c.build();
    }

    private void evaluate(AlertId id, Optional<Condition> condition, Instant now, AlertChanges.Collector c) {
        Alert current = alerts.get(id);
        if (current == null && condition.isEmpty()) {
            return; // fine and never was: nothing to track (the common case by far)
        }
        if (current == null) {
            current = Alert.inactive(id, now);
        }
        step(current, new AlertInput.Evaluated(condition), now, c);
    }

    /**
     * The outcome of a device's latest poll. Changes in reachability re-check the alerts of
     * its descendants (parent-down suppression).
     */
    public synchronized AlertChanges deviceReachability(String device, boolean reachable) {
        boolean changed = reachable ? unreachable.remove(device) : unreachable.add(device);
        return changed ? recheckAll() : AlertChanges.NONE;
    }

    /** Acknowledges a firing alert, stamped with the clock. */
    public synchronized AlertChanges acknowledge(AlertId id, String user, String comment) {
        Alert current = alerts.get(id);
        if (current == null) {
            throw new NoSuchElementException("no alert " + id.key());
        }
        AlertChanges.Collector c = new AlertChanges.Collector();
        Instant now = clock.instant();
        step(current, new AlertInput.Acknowledge(new Ack(user, comment, now)), now, c);
        return c.build();
    }

    public synchronized AlertChanges addSilence(Silence silence) {
        if (silences.containsKey(silence.id())) {
            throw new IllegalArgumentException("silence " + silence.id() + " exists already");
        }
        silences.put(silence.id(), silence);
        return recheckAll();
    }

    public synchronized AlertChanges removeSilence(String id) {
        if (silences.remove(id) == null) {
            throw new NoSuchElementException("no silence " + id);
        }
        return recheckAll();
    }

    /**
     * Re-checks every alert against the clock: silence windows starting or ending, flap damping
     * expiring, retention. Call it periodically (e.g. every 10 s) and after a restore.
     */
    public synchronized AlertChanges recheck() {
        AlertChanges changes = recheckAll();
        Instant now = clock.instant();
        silences.values().removeIf(s -> !now.isBefore(s.end()));
        return changes;
    }

    private AlertChanges recheckAll() {
        AlertChanges.Collector c = new AlertChanges.Collector();
        Instant now = clock.instant();
        for (Alert a : new ArrayList<>(alerts.values())) {
            step(a, new AlertInput.Recheck(), now, c);
        }
        Iterator<Alert> it = alerts.values().iterator();
        while (it.hasNext()) {
            Alert a = it.next();
            if (a.state() == AlertState.RESOLVED && !a.flapping() && a.recentChanges().isEmpty()
                    && !a.since().plus(resolvedRetention).isAfter(now)) {
                it.remove();
            }
        }
        return c.build();
    }

    private void step(Alert current, AlertInput input, Instant now, AlertChanges.Collector c) {
        AlertContext ctx = new AlertContext(List.copyOf(silences.values()),
                dependencies.unreachableAncestor(current.device(), unreachable), flap);
        AlertStep step = AlertStateMachine.step(current, input, ctx, now);
        if (step.alert().state() == AlertState.INACTIVE) {
            alerts.remove(current.id());
        } else {
            alerts.put(current.id(), step.alert());
        }
        c.add(current, step);
    }

    /** Restores state persisted before a restart (then call {@link #recheck()}). */
    public synchronized void restore(Collection<Alert> saved, Collection<Silence> savedSilences,
                                     Collection<String> unreachableDevices) {
        for (Alert a : saved) {
            alerts.put(a.id(), a);
        }
        for (Silence s : savedSilences) {
            silences.put(s.id(), s);
        }
        unreachable.addAll(unreachableDevices);
    }

    public synchronized Optional<Alert> alert(AlertId id) {
        return Optional.ofNullable(alerts.get(id));
    }

    /** All tracked alerts (PENDING, FIRING, recently RESOLVED), oldest change first. */
    public synchronized List<Alert> alerts() {
        List<Alert> out = new ArrayList<>(alerts.values());
        out.sort(Comparator.comparing(Alert::since).thenComparing(a -> a.id().key()));
        return out;
    }

    public synchronized List<Silence> silences() {
        return List.copyOf(silences.values());
    }

    public synchronized Set<String> unreachableDevices() {
        return Set.copyOf(unreachable);
    }
}
