package io.mibwatch.thresholds.rule;

import io.mibwatch.core.series.SeriesId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Event rule: an interface is not operational although an operator wants it up, i.e.
 * ifOperStatus is down(2), notPresent(6) or lowerLayerDown(7) while ifAdminStatus is up(1)
 * (RFC 2863 section 3.1.13: ifOperStatus follows ifAdminStatus, so oper down with admin down
 * is intended and not a fault; dormant(5) and testing(3) are legitimate states). Evaluated on
 * {@code interfaces/IF/operStatus}; ifAdminStatus is read through {@link History} at the same
 * instant. Unknown admin status or oper unknown(4) holds.
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
            return new Evaluation(state.cleared(), Optional.empty());
        }
        SeriesId s = v.series();
        OptionalDouble admin = history.valueAt(new SeriesId(s.device(), s.group(), s.instance(), ADMIN), now);
        if (admin.isEmpty()) {
            return Evaluation.hold(state);
        }
        if ((int) admin.getAsDouble() != 1) {
            return new Evaluation(state.cleared(), Optional.empty());
        }
        Condition c = new Condition(severity, false, oper, "interface " + s.instance() + " on " + s.device()
                + " is " + operName(oper) + " while admin up");
        return new Evaluation(state.withBreaches(0, Optional.empty(), Optional.of(c)), Optional.of(c));
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
