package io.mibwatch.simulator.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * How a device misbehaves on the wire for one request (what {@link FaultPolicy} decides). The
 * agent applies the fault to a request it has already decoded and routed to the device; a
 * scenario's on-the-wire faults (timeout, slow, garbled, truncated, auth_failure) are these.
 * When several overlap, the one of highest {@link #severity()} applies: no answer beats a wrong
 * answer beats a late answer.
 */
public sealed interface ProtocolFault {

    /** Answer normally. */
    None NONE = new None();
    /** No answer at all (a timeout for the poller). */
    Drop DROP = new Drop();
    /** Answer with bytes the client cannot decode: the PDU part of the message is scrambled. */
    Garble GARBLE = new Garble();
    /** Answer with only the first half of the message. */
    Truncate TRUNCATE = new Truncate();
    /**
     * Behave as if the community / USM credentials were wrong: like snmpd, no answer is sent
     * (RFC 3584 section 4.6 / RFC 3414 section 3.2 count and drop; no Report is generated here).
     */
    WrongAuth WRONG_AUTH = new WrongAuth();

    /** Higher wins when faults overlap. */
    int severity();

    record None() implements ProtocolFault {
        public int severity() {
            return 0;
        }
    }

    /** Answer correctly, but only after {@code delay} of real (wall) time; the agent keeps serving others meanwhile. */
    record Delay(Duration delay) implements ProtocolFault {
        public Delay {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) throw new IllegalArgumentException("negative delay: " + delay);
        }

        public int severity() {
            return 1;
        }
    }

    record Truncate() implements ProtocolFault {
        public int severity() {
            return 2;
        }
    }

    record Garble() implements ProtocolFault {
        public int severity() {
            return 3;
        }
    }

    record WrongAuth() implements ProtocolFault {
        public int severity() {
            return 4;
        }
    }

    record Drop() implements ProtocolFault {
        public int severity() {
            return 5;
        }
    }
}
