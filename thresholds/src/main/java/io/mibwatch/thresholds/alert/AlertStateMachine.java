package io.mibwatch.thresholds.alert;

import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.thresholds.rule.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alert lifecycle as one pure function: every transition happens in {@link #step}, as in
 * Prometheus' {@code AlertingRule.Eval}, so the whole behaviour can be read in one place and
 * tested table-driven.
 *
 * <p>Order within a step: (1) the input changes the state (condition, ack); (2) silence and
 * parent-down suppression are re-evaluated; (3) flap damping is updated; (4) notifications
 * are derived by comparing the alert with what was last notified. Deriving notifications
 * from "last notified" rather than from the transitions of this step is what makes muted
 * periods, flapping and acks safe: when the alert becomes audible again receivers are told
 * the current truth once, and never the same thing twice.
 */
public final class AlertStateMachine {

    private AlertStateMachine() {
    }

    public static AlertStep step(Alert current, AlertInput input, AlertContext ctx, Instant now) {
        Draft d = new Draft(current);
        List<Transition> out = new ArrayList<>();
        boolean ackNow = false;

        // (1) the input
        if (input instanceof AlertInput.Evaluated e) {
            apply(d, e.condition(), now, out);
        } else if (input instanceof AlertInput.Acknowledge a) {
            if (d.state != AlertState.FIRING) {
                throw new IllegalStateException("alert " + d.id.key() + " is " + d.state
                        + ": only a firing alert can be acknowledged");
            }
            d.ack = Optional.of(a.ack());
            out.add(d.transition(d.state, now, TransitionReason.ACKNOWLEDGED));
            ackNow = true;
        }

        // (2) silences and suppression
        Optional<String> silencedBy = Optional.empty();
        if (d.state != AlertState.INACTIVE) {
            java.util.Map<String, String> labels = d.toAlert().labels();
            silencedBy = ctx.silences().stream().filter(s -> s.activeAt(now) && s.matches(labels))
                    .map(Silence::id).findFirst();
        }
        Optional<String> suppressedBy = d.state == AlertState.INACTIVE ? Optional.empty() : ctx.suppressedBy();
        boolean audibleStates = d.state.active();
        if (!silencedBy.equals(d.silencedBy)) {
            if (audibleStates && silencedBy.isPresent() != d.silencedBy.isPresent()) {
                out.add(d.transition(d.state, now,
                        silencedBy.isPresent() ? TransitionReason.SILENCED : TransitionReason.UNSILENCED));
            }
            d.silencedBy = silencedBy;
        }
        if (!suppressedBy.equals(d.suppressedBy)) {
            if (audibleStates && suppressedBy.isPresent() != d.suppressedBy.isPresent()) {
                out.add(d.transition(d.state, now,
                        suppressedBy.isPresent() ? TransitionReason.SUPPRESSED : TransitionReason.UNSUPPRESSED));
            }
            d.suppressedBy = suppressedBy;
        }

        // (3) flap damping: count fire/resolve changes inside the window
        Instant horizon = now.minus(ctx.flap().window());
        d.changes.removeIf(t -> !t.isAfter(horizon));
        boolean flapStarted = false;
        boolean flapStopped = false;
        if (!d.flapping && d.changes.size() > ctx.flap().maxChanges()) {
            d.flapping = true;
            flapStarted = true;
            out.add(d.transition(d.state, now, TransitionReason.FLAPPING_STARTED));
        } else if (d.flapping && d.changes.isEmpty()) {
            d.flapping = false;
            flapStopped = true;
            out.add(d.transition(d.state, now, TransitionReason.FLAPPING_STOPPED));
        }

        // (4) notifications
        List<NotificationIntent> intents = new ArrayList<>();
        boolean muted = d.silencedBy.isPresent() || d.suppressedBy.isPresent();
        if (!muted) {
            if (flapStarted) {
                intents.add(d.intent(NotificationKind.FLAPPING, now, "changed state "
                        + d.changes.size() + " times within " + ctx.flap().window().toMinutes() + " min; quiet until it settles"));
            } else if (flapStopped && (d.state == AlertState.FIRING || d.state == AlertState.RESOLVED)) {
                // receivers last heard "flapping": tell them where it settled, whatever they heard before
                intents.add(d.intent(d.state == AlertState.FIRING ? NotificationKind.FIRING : NotificationKind.RESOLVED,
                        now, "stopped flapping, settled " + name(d.state) + ": " + d.summary));
                d.notified();
            } else if (!d.flapping) {
                notifyChanges(d, now, intents);
            }
            if (ackNow) {
                Ack a = d.ack.orElseThrow();
                intents.add(d.intent(NotificationKind.ACKNOWLEDGED, now, "acknowledged by " + a.user()
                        + (a.comment().isBlank() ? "" : ": " + a.comment())));
            }
        }
        Alert next = d.toAlert();
        // intents carry the alert as it is after the step
        List<NotificationIntent> finalIntents = new ArrayList<>(intents.size());
        for (NotificationIntent i : intents) {
            finalIntents.add(new NotificationIntent(i.alertId(), i.kind(), i.severity(), i.at(), next, i.why()));
        }
        return new AlertStep(next, out, finalIntents);
    }

    private static void apply(Draft d, Optional<Condition> condition, Instant now, List<Transition> out) {
        AlertState from = d.state;
        if (condition.isEmpty()) {
            if (from == AlertState.PENDING) {
                d.state = AlertState.INACTIVE;
                d.since = now;
                d.pendingSince = Optional.empty();
                out.add(d.transition(from, now, TransitionReason.CLEARED));
            } else if (from == AlertState.FIRING) {
                d.state = AlertState.RESOLVED;
                d.since = now;
                d.resolvedAt = Optional.of(now);
                d.changes.add(now);
                out.add(d.transition(from, now, TransitionReason.RESOLVED));
            }
            return;
        }
        Condition c = condition.get();
        d.value = c.value();
        d.summary = c.summary();
        boolean newEpisode = from == AlertState.INACTIVE || from == AlertState.RESOLVED;
        if (newEpisode) {
            d.ack = Optional.empty();
            d.pendingSince = Optional.empty();
            d.firingSince = Optional.empty();
            d.resolvedAt = Optional.empty();
        }
        if (c.pending() && from != AlertState.FIRING) {
            d.severity = c.severity();
            if (from != AlertState.PENDING) {
                d.state = AlertState.PENDING;
                d.since = now;
                d.pendingSince = Optional.of(now);
                out.add(d.transition(from, now, TransitionReason.PENDING));
            }
            return;
        }
        if (from != AlertState.FIRING) {
            d.severity = c.severity();
            d.state = AlertState.FIRING;
            d.since = now;
            d.firingSince = Optional.of(now);
            d.changes.add(now);
            out.add(d.transition(from, now, TransitionReason.FIRED));
        } else if (c.severity() != d.severity) {
            d.severity = c.severity();
            out.add(d.transition(from, now, TransitionReason.SEVERITY_CHANGED));
        }
    }

    private static void notifyChanges(Draft d, Instant now, List<NotificationIntent> intents) {
        Optional<Alert.Notified> last = d.lastNotified;
        boolean toldFiring = last.isPresent() && last.get().state() == AlertState.FIRING;
        if (d.state == AlertState.FIRING) {
            if (!toldFiring) {
                intents.add(d.intent(NotificationKind.FIRING, now, d.summary));
                d.notified();
            } else if (d.severity != last.get().severity()) {
                boolean worse = d.severity.worseThan(last.get().severity());
                if (d.ack.isPresent()) {
                    if (worse) {
                        // the ack covered a lesser problem: tell people again and drop it
                        intents.add(d.intent(NotificationKind.WORSENED_AFTER_ACK, now, "worsened from "
                                + name(last.get().severity()) + " to " + name(d.severity) + " after "
                                + d.ack.get().user() + " acknowledged it: " + d.summary));
                        d.ack = Optional.empty();
                        d.notified();
                    }
                    // better while acknowledged: nobody needs waking; "last notified" stays the worse one
                } else {
                    intents.add(d.intent(NotificationKind.SEVERITY_CHANGED, now, name(last.get().severity())
                            + " -> " + name(d.severity) + ": " + d.summary));
                    d.notified();
                }
            }
        } else if (d.state == AlertState.RESOLVED && toldFiring) {
            intents.add(d.intent(NotificationKind.RESOLVED, now, "resolved" + (d.summary.isEmpty() ? "" : " (last: "
                    + d.summary + ")")));
            d.notified();
        }
    }

    private static String name(AlertState s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String name(Severity s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Mutable copy of an alert for the duration of one step. */
    private static final class Draft {
        final AlertId id;
        AlertState state;
        Severity severity;
        double value;
        String summary;
        Instant since;
        Optional<Instant> pendingSince;
        Optional<Instant> firingSince;
        Optional<Instant> resolvedAt;
        Optional<Ack> ack;
        Optional<String> silencedBy;
        Optional<String> suppressedBy;
        boolean flapping;
        final List<Instant> changes;
        Optional<Alert.Notified> lastNotified;

        Draft(Alert a) {
            id = a.id();
            state = a.state();
            severity = a.severity();
            value = a.value();
            summary = a.summary();
            since = a.since();
            pendingSince = a.pendingSince();
            firingSince = a.firingSince();
            resolvedAt = a.resolvedAt();
            ack = a.ack();
            silencedBy = a.silencedBy();
            suppressedBy = a.suppressedBy();
            flapping = a.flapping();
            changes = new ArrayList<>(a.recentChanges());
            lastNotified = a.lastNotified();
        }

        Transition transition(AlertState from, Instant at, TransitionReason reason) {
            return new Transition(id, from, state, severity, at, value, reason);
        }

        NotificationIntent intent(NotificationKind kind, Instant at, String why) {
            // the alert is filled in when the step is complete
            return new NotificationIntent(id, kind, severity, at, Alert.inactive(id, at), why);
        }

        void notified() {
            lastNotified = Optional.of(new Alert.Notified(state, severity));
        }

        Alert toAlert() {
            return new Alert(id, state, severity, value, summary, since, pendingSince, firingSince, resolvedAt, ack,
                    silencedBy, suppressedBy, flapping, changes, lastNotified);
        }
    }
}
