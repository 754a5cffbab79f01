package io.mibwatch.thresholds.rule;

import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.SeriesId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Event rule: an interface is not operational although an operator wants it up, i.e.
 * ifOperStatus is down(2), notPresent(6) or lowerLayerDown(7) while ifAdminStatus is up(1)
 * (RFC 2863 section 3.1.13: ifOperStatus follows ifAdminStatus, so oper down with admin down
 * is intended and not a fault; dormant(5) and testing(3) are legitimate states). Evaluated on
 * {@code interfaces/IF/operStatus}; ifAdminStatus is read through {@link History} at the same
 * instant. Unknown admin status or oper unknown(4) holds. It fires on a change: the interface
 * was last seen up (or, with fresh state, the stored history shows it up within 7 days), so ports
 * that are down since they were first seen (unused access ports) raise nothing.
 */
public record InterfaceDown(RuleId id, Severity severity) implements Rule {

    public static final String GROUP = "interfaces";
    public static final String OPER = "operStatus";
    public static final String ADMIN = "adminStatus";

    public static final InterfaceDown DEFAULT = new InterfaceDown(RuleId.of("event:ifdown"), Severity.CRITICAL);

    public InterfaceDown {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * How far back a rule with fresh state (first poll, or after a restart) looks in the stored
     * history for the interface being up: probes at the previous poll, 1 h, 1 d and 7 d ago.
     */
    static final List<Duration> LOOKBACK = List.of(Duration.ofMillis(1), Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofDays(7));

    @Override
    public Evaluation evaluate(RuleState state, Observation obs, Instant now, History history) {
        if (!(obs instanceof Observation.Value v)) {
            return Evaluation.hold(state);
        }
        int oper = (int) v.value();
        if (oper == 4) {
            return Evaluation.hold(state);
        }
        if (oper != 2 && oper != 6 && oper != 7) {
            return new Evaluation(state.cleared().withPrevious(oper, now), Optional.empty());
        }
        SeriesId s = v.series();
        OptionalDouble admin = history.valueAt(new SeriesId(s.device(), s.group(), s.instance(), ADMIN), now);
        if (admin.isEmpty()) {
            return Evaluation.hold(state);
        }
        if ((int) admin.getAsDouble() != 1) {
            return new Evaluation(state.cleared().withPrevious(oper, now), Optional.empty());
        }
        // Only a down we have seen happen is an event. An access switch has dozens of ports that
        // are admin up with nothing plugged in; alerting on each at first sight is the alert storm
        // OpenNMS and LibreNMS users learned to switch off (they key on the up -> down change).
        boolean wentDown = state.active().isPresent()
                || (state.previous().isPresent() ? state.previous().getAsDouble() == 1 : upRecently(s, now, history));
        if (!wentDown) {
            return new Evaluation(state.cleared().withPrevious(oper, now), Optional.empty());
        }
        Condition c = new Condition(severity, false, oper, "interface " + s.instance() + " on " + s.device()
                + " is " + operName(oper) + " while admin up");
        return new Evaluation(state.withBreaches(0, Optional.empty(), Optional.of(c)).withPrevious(oper, now), Optional.of(c));
    }

    /** Fresh state: was the interface up(1) at one of the look-back points of the stored history? */
    private static boolean upRecently(SeriesId oper, Instant now, History history) {
        for (Duration back : LOOKBACK) {
            OptionalDouble was = history.valueAt(oper, now.minus(back));
            if (was.isPresent() && (int) was.getAsDouble() == 1) {
                return true;
            }
        }
        return false;
    }

    private static String operName(int oper) {
        return switch (oper) {
            case 2 -> "down";
            case 6 -> "notPresent";
            case 7 -> "lowerLayerDown";
            default -> "status " + oper;
        };
    }

    @Override
    public String describe() {
        return "interface down (ifOperStatus down while ifAdminStatus up)";
    }
}
