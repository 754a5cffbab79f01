package io.mibwatch.simulator.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * How a device misbehaves for one request (what {@link FaultPolicy} decides). The agent applies
 * the fault to a request it has already decoded and routed to the device.
 */
public sealed interface Fault {

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

    record None() implements Fault {
    }

    record Drop() implements Fault {
    }

    record Garble() implements Fault {
    }

    record Truncate() implements Fault {
    }

    record WrongAuth() implements Fault {
    }

    /** Answer correctly, but only after {@code delay} of real (wall) time; the agent keeps serving others meanwhile. */
    record Delay(Duration delay) implements Fault {
        public Delay {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) throw new IllegalArgumentException("negative delay: " + delay);
        }
    }
}
