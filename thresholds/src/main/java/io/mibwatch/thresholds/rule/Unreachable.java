package io.mibwatch.thresholds.rule;

import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.SeriesId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A device that failed {@code failedPolls} consecutive polls is unreachable. Evaluated on
 * the device's reachability series ({@link #series(String)}), fed once per poll, so there
 * is one alert per device, not one per metric; the metric rules meanwhile see missing data
 * and hold (a dead device does not resolve or raise its metric alerts).
 *
 * <p>On that series a value of 0 or a {@link MissingReason#POLL_FAILED} observation is a
 * failed poll, any other value a successful one; a gap says nothing.
 */
public record Unreachable(RuleId id, int failedPolls, Severity severity) implements Rule {

    /** Group and metric of the per-device reachability series. */
    public static final String GROUP = "poll";
    public static final String METRIC = "reachable";

    /** Stock threshold: unreachable for 5 minutes = 5 polls at the 60 s default. */
    public static final Unreachable DEFAULT = new Unreachable(RuleId.of("unreachable"), 5, Severity.CRITICAL);

    public Unreachable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        if (failedPolls < 1) {
            throw new IllegalArgumentException("unreachable rule " + id + ": failed polls must be at least 1, got "
                    + failedPolls);
        }
    }

    /** The reachability series of a device: {@code DEVICE:poll//reachable}. */
    public static SeriesId series(String device) {
        return new SeriesId(device, GROUP, "", METRIC);
    }

    @Override
    public Evaluation evaluate(RuleState state, Observation obs, Instant now, History history) {
        boolean failed;
        if (obs instanceof Observation.Missing m) {
            if (m.reason() != MissingReason.POLL_FAILED) {
                return Evaluation.hold(state);
            }
            failed = true;
        } else {
            failed = ((Observation.Value) obs).value() == 0;
        }
        if (!failed) {
            return new Evaluation(state.cleared(), Optional.empty());
        }
        int n = state.breaches() + 1;
        boolean pending = n < failedPolls;
        Condition c = new Condition(severity, pending, n, obs.series().device() + " unreachable: "
                + n + " failed poll" + (n == 1 ? "" : "s") + (pending ? " of " + failedPolls : ""));
        return new Evaluation(state.withBreaches(Math.min(n, Integer.MAX_VALUE - 1),
                Optional.of(state.breachSince().orElse(now)), Optional.of(c)), Optional.of(c));
    }

    @Override
    public String describe() {
        return "unreachable after " + failedPolls + " failed polls";
    }
}
