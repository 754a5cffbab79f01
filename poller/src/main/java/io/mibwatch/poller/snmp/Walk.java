package io.mibwatch.poller.snmp;

import io.mibwatch.config.SnmpVersion;
import io.mibwatch.poller.snmp.PollFailure.Cause;
import io.mibwatch.poller.snmp.Replies.Answer;
import io.mibwatch.poller.snmp.Replies.Failed;
import io.mibwatch.poller.snmp.Replies.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.snmp4j.PDU;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;

/**
 * One subtree walk: a small state machine driven by response callbacks, one PDU at a time.
 * GETBULK with the target's max-repetitions (halved on tooBig, RFC 3416 section 4.2.3) or GETNEXT
 * (v1, or bulk off); it ends at endOfMibView, a noSuchObject/noSuchInstance value, the first OID
 * outside the subtree, and in v1 at noSuchName (RFC 1157 section 4.1.3).
 */
final class Walk {

    /** A walk that returns more than this is treated as an agent bug (DECODE), not collected forever. */
    static final int MAX_WALK_VARBINDS = 1_000_000;

    private final Exchange exchange;
    /** Counts the tooBig answers this walk worked around or reported (the client's diagnostics). */
    private final LongAdder tooBigAnswers;
    private final AgentTarget t;
    private final UdpAddress addr;
    private final OID root;
    private final boolean bulk;
    private final List<VariableBinding> collected = new ArrayList<>();
    private final CompletableFuture<SnmpOutcome> result = new CompletableFuture<>();
    private int repetitions;
    private OID cursor;

    Walk(AgentTarget t, UdpAddress addr, OID root, Exchange exchange, LongAdder tooBigAnswers) {
        this.exchange = exchange;
        this.tooBigAnswers = tooBigAnswers;
        this.t = t;
        this.addr = addr;
        this.root = new OID(root);
        this.bulk = t.useBulk();
        this.repetitions = t.maxRepetitions();
        this.cursor = this.root;
    }

    CompletableFuture<SnmpOutcome> start() {
        step();
        return result;
    }

    private void step() {
        try {
            PDU pdu = RequestPdu.of(t, bulk ? PDU.GETBULK : PDU.GETNEXT);
            if (bulk) {
                pdu.setNonRepeaters(0);
                pdu.setMaxRepetitions(repetitions);
            }
            pdu.add(new VariableBinding(cursor));
            exchange.send(t, addr, pdu, reply -> {
                try {
                    onReply(pdu, reply);
                } catch (RuntimeException | Error e) {
                    result.complete(Replies.internal(t, e));
                }
            });
        } catch (RuntimeException | Error e) {
            result.complete(Replies.internal(t, e));
        }
    }

    private void onReply(PDU request, Reply reply) {
        if (reply instanceof Failed f) {
            result.complete(f.failure());
            return;
        }
        PDU r = ((Answer) reply).pdu();
        int status = r.getErrorStatus();
        if (status == PDU.tooBig) {
            tooBigAnswers.increment();
        }
        if (status == PDU.tooBig && bulk && repetitions > 1) {
            repetitions = Math.max(1, repetitions / 2); // RFC 3416 4.2.3: ask for fewer rows
            step();
            return;
        }
        if (status == PDU.noSuchName && t.version() == SnmpVersion.V1) {
            finish(); // v1 end of MIB view: GETNEXT past the last object (RFC 1157 4.1.3)
            return;
        }
        if (status != PDU.noError) {
            result.complete(Replies.errorStatus(t, request, r));
            return;
        }
        if (r.size() == 0) {
            result.complete(new PollFailure(Cause.DECODE, t.where() + ": empty response to "
                    + PDU.getTypeString(request.getType()) + " of " + cursor.toDottedString()
                    + " while walking " + root.toDottedString()));
            return;
        }
        // The loop guard compares each answer's LAST OID with the OID we asked from, as
        // net-snmp's snmpbulkwalk does: that is what makes a walk progress. Varbinds inside
        // one answer are kept in the agent's order even when a quirky agent (seen on JunOS
        // ipNetToPhysicalTable) returns them slightly out of order.
        OID asked = cursor;
        OID last = null;
        for (VariableBinding vb : r.getVariableBindings()) {
            if (vb.getVariable().isException()) {
                finish(); // endOfMibView (or noSuch* from agents that misuse them) ends the walk
                return;
            }
            OID oid = vb.getOid();
            if (!oid.startsWith(root)) {
                finish();
                return;
            }
            collected.add(vb);
            last = oid;
        }
        if (last.compareTo(asked) <= 0) {
            result.complete(new PollFailure(Cause.DECODE, t.where() + ": agent returned OID "
                    + last.toDottedString() + " after " + asked.toDottedString()
                    + " while walking " + root.toDottedString()
                    + " (OIDs must increase, RFC 3416 4.2.2); walk stopped to avoid a loop"));
            return;
        }
        cursor = last;
        if (collected.size() > MAX_WALK_VARBINDS) {
            result.complete(new PollFailure(Cause.DECODE, t.where() + ": walk of " + root.toDottedString()
                    + " exceeded " + MAX_WALK_VARBINDS + " varbinds; stopped"));
            return;
        }
        step();
    }

    private void finish() {
        result.complete(new SnmpResponse(collected, Instant.EPOCH, Duration.ZERO));
    }
}
