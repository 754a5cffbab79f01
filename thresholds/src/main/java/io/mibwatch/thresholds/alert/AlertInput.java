package io.mibwatch.thresholds.alert;

import io.mibwatch.thresholds.rule.Condition;
import java.util.Objects;
import java.util.Optional;

/** What drives one step of the state machine. */
public sealed interface AlertInput permits AlertInput.Evaluated, AlertInput.Acknowledge, AlertInput.Recheck {

    /** The rule was evaluated: a condition, or empty for "fine". */
    record Evaluated(Optional<Condition> condition) implements AlertInput {
        public Evaluated {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** A user acknowledges the alert (only a FIRING alert can be). */
    record Acknowledge(Ack ack) implements AlertInput {
        public Acknowledge {
            Objects.requireNonNull(ack, "ack");
        }
    }

    /** Nothing new from the rule; silences, reachability or time moved (silence start/end, flap expiry). */
    record Recheck() implements AlertInput {
    }
}
