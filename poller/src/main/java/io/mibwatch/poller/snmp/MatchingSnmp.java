package io.mibwatch.poller.snmp;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcher;
import org.snmp4j.PDU;
import org.snmp4j.SNMP4JSettings;
import org.snmp4j.Snmp;
import org.snmp4j.TransportMapping;
import org.snmp4j.smi.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SNMP4J's session, matching an answer to its request on the request's target address and port as
 * well as on the request-id. SNMP4J (like net-snmp) matches on the request-id alone, so a datagram
 * from anywhere carrying an outstanding id completes that request: a stray or forged answer then
 * stands in for the device's own, and the device's real answer is thrown away as unmatched.
 *
 * <p>An answer that carries an outstanding request's id but comes from another address or port,
 * or with another SNMP version or community than the request (SNMP4J's own checks), is dropped
 * and counted as <em>stray</em>; the request stays outstanding, so the real answer still
 * completes it. An answer whose id no request has outstanding (a late answer after a timeout or
 * retry, or a guess) is dropped by SNMP4J and counted as <em>unmatched</em>. Both are found by one
 * lookup in SNMP4J's table of outstanding requests, before any per-request work, so a flood at the
 * socket costs a decode per packet and does not delay the devices' answers. Drops are logged at
 * most once a {@link #LOG_EVERY}, with the count since the last line, never once per packet.
 *
 * <p>The source check is a consequence of RFC 3417 section 3 (an answer is sent back to the
 * request's source transport address) and is what the request's target says: an agent that
 * answers from another address of a multi-homed host is dropped, and its requests time out.
 */
final class MatchingSnmp extends Snmp {

    private static final Logger LOG = LoggerFactory.getLogger(MatchingSnmp.class);
    /** At most one log line about dropped answers per this period. */
    static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final LongAdder stray = new LongAdder();
    private final LongAdder unmatched = new LongAdder();
    /** Whether the response being processed on this thread reached its request (see {@link #resendRequest}). */
    private final ThreadLocal<boolean[]> reached = ThreadLocal.withInitial(() -> new boolean[2]);
    private final AtomicLong nextLogAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong droppedAtLastLog = new AtomicLong();

    MatchingSnmp(MessageDispatcher dispatcher, TransportMapping<? extends Address> transport, Clock clock) {
        super(dispatcher, transport);
        this.clock = Objects.requireNonNull(clock, "clock");
        // SNMP4J compares the answer's source with the target's address only when this is set
        // (JVM-wide; SnmpClient is the only SNMP4J command generator in mibwatch).
        SNMP4JSettings.setVerifyResponsePeerAddress(true);
    }

    /** Answers dropped because they carried an outstanding request's id but not from its target. */
    long strayAnswers() {
        return stray.sum();
    }

    /** Answers dropped because no request with their id was outstanding. */
    long unmatchedAnswers() {
        return unmatched.sum();
    }

    @Override
    public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
        PDU pdu = event.getPDU();
        if (pdu == null || pdu.getType() != PDU.RESPONSE) {
            super.processPdu(event); // reports (v3 discovery, USM errors) and anything else as before
            return;
        }
        boolean[] r = reached.get();
        r[0] = false; // matched a request
        r[1] = false; // carried a request's id, from the wrong source
        super.processPdu(event);
        if (r[1]) {
            stray.increment();
            dropped(event, "not from the address and port the request went to");
        } else if (!r[0]) {
            unmatched.increment();
            dropped(event, "no request with this request-id is outstanding");
        }
    }

    @Override
    protected <A extends Address> boolean isResponseMatchingTarget(CommandResponderEvent<A> event,
                                                                   PendingRequest<?> request) {
        boolean matches = super.isResponseMatchingTarget(event, request);
        if (!matches) {
            reached.get()[1] = true;
        }
        return matches;
    }

    @Override
    protected <A extends Address> boolean resendRequest(PendingRequest<A> request, PDU response) {
        reached.get()[0] = true; // SNMP4J calls this only for an answer it matched to its request
        return super.resendRequest(request, response);
    }

    /** Logs at most once a {@link #LOG_EVERY}: how many answers were dropped since, and the latest. */
    private void dropped(CommandResponderEvent<?> event, String why) {
        long now = clock.millis();
        long due = nextLogAt.get();
        if (now < due || !nextLogAt.compareAndSet(due, now + LOG_EVERY.toMillis())) {
            return;
        }
        long total = stray.sum() + unmatched.sum();
        long since = total - droppedAtLastLog.getAndSet(total);
        LOG.warn("dropped {} SNMP answer(s) that matched no outstanding request since the last report"
                        + " ({} stray, {} unmatched in all); latest from {} with request-id {}: {}",
                since, stray.sum(), unmatched.sum(), event.getPeerAddress(), event.getPDU().getRequestID(), why);
    }
}
