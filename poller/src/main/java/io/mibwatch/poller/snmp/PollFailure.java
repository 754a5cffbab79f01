package io.mibwatch.poller.snmp;

import java.util.Objects;

/**
 * Why an SNMP operation produced no varbinds.
 *
 * @param cause   the class of failure; alerting and the UI decide on it (e.g. "unreachable" only
 *                for {@link Cause#TIMEOUT})
 * @param message starts with {@code host:port: } and names the detail (report counter, error-status
 *                and OID, ...); never contains a community or pass phrase
 */
public record PollFailure(Cause cause, String message) implements SnmpOutcome {

    public PollFailure {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(message, "message");
    }

    /** Failure classes; each maps to a different operator action. */
    public enum Cause {
        /** No answer after all tries: agent down, filtered, wrong community, or undecryptable v3 message. */
        TIMEOUT,
        /** USM rejected the request (RFC 3414 section 3.2 reports): wrong user, pass phrase, protocol or level. */
        AUTH,
        /** Any other Report PDU (RFC 3412 section 7.2, e.g. snmpUnknownContexts). */
        REPORT,
        /**
         * The agent's answer is unusable: a message that does not decode (garbage, truncated BER,
         * bad lengths, an integer too wide for its type), a walk whose OIDs do not increase (RFC 3416
         * section 4.2.2), or planned OIDs answered with a type their metric cannot hold.
         */
        DECODE,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** The response carries a non-zero error-status (RFC 3416 section 3). */
        ERROR_STATUS,
        /** Local I/O problem or an internal error; the message says which. */
        IO
    }
}
