package io.mibwatch.thresholds.rule;

import io.mibwatch.core.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Event rule: the agent restarted, seen as sysUpTime going back (RFC 3418 section 2: sysUpTime
 * is the time since the network management portion was last re-initialized) or as an
 * {@link MissingReason#AGENT_RESTART} observation. Evaluated on {@code system//uptime}
 * (seconds). The event keeps the condition FIRING for {@code hold}, then it resolves, so
 * a reboot is one fire and one resolve notification.
 *
 * <p>sysUpTime is TimeTicks (RFC 2578 section 7.1.8), which wraps after 2^32 hundredths of
 * a second (about 497 days): a decrease that matches a wrap given the elapsed time is not a
 * reboot.
 */
public record Reboot(RuleId id, Severity severity, Duration hold) implements Rule {

    public static final String GROUP = "system";
    public static final String METRIC = "uptime";
    /** Where TimeTicks wrap, in the seconds the uptime series is stored in. */
    static final double WRAP_SECONDS = 4294967296.0 / 100.0;

    public static final Reboot DEFAULT = new Reboot(RuleId.of("event:reboot"), Severity.WARNING, Duration.ofMinutes(15));

    public Reboot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(hold, "hold");
        if (hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("reboot rule " + id + ": hold must be positive, got " + hold);
        }
    }

    @Override
    public Evaluation evaluate(RuleState state, Observation obs, Instant now, History history) {
        RuleState next = state;
        String why = null;
        double value = Double.NaN;
        if (obs instanceof Observation.Missing m) {
            if (m.reason() == MissingReason.AGENT_RESTART) {
                // the uptime that follows is lower than the one before: forget it, one restart is one event
                next = state.withEvent(now).withoutPrevious();
                why = obs.series().device() + " agent restarted";
            }
        } else {
            value = ((Observation.Value) obs).value();
            if (state.previous().isPresent() && value < state.previous().getAsDouble()
                    && !isWrap(state, value, obs.at())) {
                next = state.withEvent(now);
                why = obs.series().device() + " rebooted: sysUpTime went from " + Levels.fmt(state.previous().getAsDouble())
                        + " s to " + Levels.fmt(value) + " s";
            }
            next = next.withPrevious(value, obs.at());
        }
        if (next.eventAt().isPresent() && now.isBefore(next.eventAt().get().plus(hold))) {
            String summary = why != null ? why : state.active().map(Condition::summary).orElse("rebooted");
            Condition c = new Condition(severity, false, value, summary);
            return new Evaluation(next.withBreaches(0, Optional.empty(), Optional.of(c)), Optional.of(c));
        }
        if (obs instanceof Observation.Missing) {
            return Evaluation.hold(next);
        }
        return new Evaluation(next.withBreaches(0, Optional.empty(), Optional.empty()), Optional.empty());
    }

    private static boolean isWrap(RuleState state, double value, Instant at) {
        double prev = state.previous().getAsDouble();
        double elapsed = Duration.between(state.previousAt().orElse(at), at).toMillis() / 1000.0;
        double expected = prev + elapsed - WRAP_SECONDS;
        if (prev + elapsed < WRAP_SECONDS) {
            return false;
        }
        double tolerance = Math.max(10.0, elapsed * 0.1);
        return Math.abs(value - expected) <= tolerance;
    }

    @Override
    public String describe() {
        return "reboot event (sysUpTime decreased), held " + hold.toSeconds() + "s";
    }
}
