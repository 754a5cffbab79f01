package io.mibwatch.simulator.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * How the agent misbehaves on the wire at one moment; the agent decides what each means in
 * packets. When several protocol faults overlap, {@link ScenarioState} keeps the one of highest
 * {@link #severity()}: no answer beats a wrong answer beats a late answer.
 */
public sealed interface ProtocolFault {

    /** Higher wins when windows overlap. */
    int severity();

    /** Answers normally. */
    record None() implements ProtocolFault {
        public int severity() {
            return 0;
        }
    }

    /** Answers correctly but only after {@code delay}. */
    record Slow(Duration delay) implements ProtocolFault {
        public Slow {
            Objects.requireNonNull(delay, "delay");
        }

        public int severity() {
            return 1;
        }
    }

    /** Sends a response cut short (not a whole BER message). */
    record Truncated() implements ProtocolFault {
        public int severity() {
            return 2;
        }
    }

    /** Sends bytes that are not a valid SNMP message. */
    record Garbled() implements ProtocolFault {
        public int severity() {
            return 3;
        }
    }

    /**
     * Rejects the credentials: v1/v2c silently drop the request (RFC 3584 section 4.1, community not
     * recognised), v3 answers a usmStatsWrongDigests report (RFC 3414 section 3.2 step 7b).
     */
    record AuthFailure() implements ProtocolFault {
        public int severity() {
            return 4;
        }
    }

    /** No answer at all. */
    record Timeout() implements ProtocolFault {
        public int severity() {
            return 5;
        }
    }

    ProtocolFault NONE = new None();
}
