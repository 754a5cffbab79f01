package io.mibwatch.poller.snmp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.TransportMapping;
import org.snmp4j.TransportStateReference;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.mp.MessageProcessingModel;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;

/**
 * SNMP4J's message dispatcher, telling {@link UndecodableAnswers} which source sent a message it
 * could not parse and why. SNMP4J counts such a message (snmpInASNParseErrs, snmpInvalidMsgs,
 * snmpInBadVersions of SNMPv2-MIB, RFC 3418) and drops it; the counter event names neither the
 * sender nor the error, so the sender is kept for the duration of {@code processMessage} (one
 * message at a time per listen thread) and the parse exception is caught on its way out of
 * {@code dispatchMessage}.
 */
final class ParseErrorDispatcher extends MessageDispatcherImpl {

    /** The message being processed on this thread: its sender, bytes and the parse error, if any. */
    private static final class Incoming {
        final Address from;
        final ByteBuffer bytes;
        IOException error;

        Incoming(Address from, ByteBuffer bytes) {
            this.from = from;
            this.bytes = bytes;
        }
    }

    private final UndecodableAnswers answers;
    private final RequestIds requestIds;
    private final ThreadLocal<Incoming> current = new ThreadLocal<>();

    ParseErrorDispatcher(UndecodableAnswers answers, RequestIds requestIds) {
        this.answers = Objects.requireNonNull(answers, "answers");
        this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
    }

    /** Unpredictable request-ids instead of SNMP4J's 1, 2, 3, ... (see {@link RequestIds}). */
    @Override
    public int getNextRequestID() {
        return requestIds.next();
    }

    @Override
    public <A extends Address> void processMessage(TransportMapping<? super A> transport, A from, ByteBuffer message,
                                                   TransportStateReference state) {
        current.set(new Incoming(from, message.duplicate()));
        try {
            super.processMessage(transport, from, message, state);
        } finally {
            current.remove();
        }
    }

    @Override
    protected <A extends Address> void dispatchMessage(TransportMapping<? super A> transport, MessageProcessingModel mp,
                                                       A from, BERInputStream message, TransportStateReference state)
            throws IOException {
        try {
            super.dispatchMessage(transport, mp, from, message, state);
        } catch (IOException e) {
            Incoming in = current.get();
            if (in != null) {
                in.error = e;
            }
            throw e;
        }
    }

    @Override
    protected void fireIncrementCounter(CounterEvent event) {
        super.fireIncrementCounter(event);
        Incoming in = current.get();
        if (in == null) {
            return;
        }
        String why = why(event.getOid(), in);
        if (why != null) {
            answers.record(in.from, why);
        }
    }

    /** What was wrong with the message, or null when the counter is not a parse failure. */
    private static String why(OID counter, Incoming in) {
        if (SnmpConstants.snmpInBadVersions.equals(counter)) {
            return "unsupported SNMP version " + version(in) + " (snmpInBadVersions)";
        }
        if (SnmpConstants.snmpInASNParseErrs.equals(counter)) {
            return (in.error != null ? text(in.error) : "the message is not an ASN.1 SEQUENCE") + " (snmpInASNParseErrs)";
        }
        if (SnmpConstants.snmpInvalidMsgs.equals(counter)) {
            IOException e = in.error != null ? in.error : versionError(in);
            return (e != null ? text(e) : "malformed BER") + " (snmpInvalidMsgs)";
        }
        return null;
    }

    /** SNMP4J's parse exceptions say what was wrong and where ("... at position 3"). */
    private static String text(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().replaceAll("\\s+", " ");
    }

    /** The version field as SNMP4J read it, for the message; "?" if it does not decode. */
    private static String version(Incoming in) {
        try {
            var v = getSnmpVersion(new BERInputStream(in.bytes.duplicate()));
            return v == null ? "?" : String.valueOf(v.getValue());
        } catch (IOException e) {
            return "?";
        }
    }

    /** SNMP4J fails on the version field before it dispatches: parse it again for the exception. */
    private static IOException versionError(Incoming in) {
        try {
            getSnmpVersion(new BERInputStream(in.bytes.duplicate()));
            return null;
        } catch (IOException e) {
            return e;
        }
    }
}
