package io.mibwatch.poller.testing;

import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A small but real SNMPv1/v2c agent on 127.0.0.1 (SNMP4J command responder over UDP) serving a
 * fixed table, for behaviour net-snmp's snmpd cannot be made to show on demand:
 * <ul>
 *   <li>{@link #maxVarbinds(int)}: answers tooBig (error-index 0, no varbinds, RFC 3416 section
 *       4.2.1) whenever the response would hold more varbinds than that. snmpd truncates GETBULK
 *       answers instead (which RFC 3416 section 4.2.3 also allows), so the client's halving of
 *       max-repetitions needs this peer.</li>
 *   <li>{@link #loopAfter(OID)}: a broken agent whose successor of any OID at or after the given
 *       one is the first OID of the table again (non-increasing OIDs).</li>
 * </ul>
 * v1 GETNEXT past the end answers noSuchName (RFC 1157 section 4.1.3), v2c answers endOfMibView.
 * Community strings are not checked. It records the max-repetitions of every GETBULK received
 * and, with {@link #answerDelay}, how many requests were pending at it at once.
 */
public final class ScriptedAgent implements CommandResponder, AutoCloseable {

    private final NavigableMap<OID, Variable> table;
    private final Snmp snmp;
    private final int port;
    private final List<Integer> maxRepetitionsSeen = Collections.synchronizedList(new ArrayList<>());
    private volatile int maxVarbinds = Integer.MAX_VALUE;
    private volatile OID loopAfter;
    private final java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long answerDelayMillis;
    private final java.util.concurrent.ScheduledExecutorService delayer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "scripted-agent-delay");
                t.setDaemon(true);
                return t;
            });
    private int unanswered;
    private int maxUnanswered;

    private ScriptedAgent(NavigableMap<OID, Variable> table) throws IOException {
        this.table = new TreeMap<>(table);
        DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0"));
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        this.snmp = new Snmp(dispatcher, transport);
        snmp.addCommandResponder(this);
        snmp.listen();
        this.port = transport.getListenAddress().getPort();
    }

    /** Starts an agent serving {@code table} on 127.0.0.1 and a free port. */
    public static ScriptedAgent start(Map<OID, ? extends Variable> table) throws IOException {
        return new ScriptedAgent(new TreeMap<>(table));
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public ScriptedAgent maxVarbinds(int n) {
        this.maxVarbinds = n;
        return this;
    }

    public ScriptedAgent loopAfter(OID oid) {
        this.loopAfter = oid;
        return this;
    }

    /** Holds every answer back this long, so requests pile up at the agent if a client lets them. */
    public ScriptedAgent answerDelay(java.time.Duration d) {
        this.answerDelayMillis = d.toMillis();
        return this;
    }

    /** The most requests that were received and not yet answered at the same time. */
    /** Requests received so far (answered or not). */
    public int requestsReceived() {
        return received.get();
    }

    public synchronized int maxUnanswered() {
        return maxUnanswered;
    }

    /** The max-repetitions of each GETBULK received, in arrival order. */
    public List<Integer> maxRepetitionsSeen() {
        synchronized (maxRepetitionsSeen) {
            return List.copyOf(maxRepetitionsSeen);
        }
    }

    @Override
    public void close() throws IOException {
        delayer.shutdownNow();
        snmp.close();
    }

    @Override
    public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> e) {
        PDU request = e.getPDU();
        if (request == null) {
            return;
        }
        received.incrementAndGet();
        boolean v1 = e.getMessageProcessingModel() == org.snmp4j.mp.MessageProcessingModel.MPv1;
        PDU response = (PDU) request.clone();
        response.clear();
        response.setType(PDU.RESPONSE);
        response.setErrorStatus(PDU.noError);
        response.setErrorIndex(0);
        List<? extends VariableBinding> asked = request.getVariableBindings();
        switch (request.getType()) {
            case PDU.GET -> {
                for (int i = 0; i < asked.size(); i++) {
                    OID oid = asked.get(i).getOid();
                    Variable v = table.get(oid);
                    if (v == null && v1) {
                        error(response, asked, SnmpConstants.SNMP_ERROR_NO_SUCH_NAME, i + 1);
                        break;
                    }
                    response.add(new VariableBinding(oid, v == null ? Null.noSuchObject : v));
                }
            }
            case PDU.GETNEXT -> {
                for (int i = 0; i < asked.size(); i++) {
                    VariableBinding next = next(asked.get(i).getOid());
                    if (next == null && v1) {
                        error(response, asked, SnmpConstants.SNMP_ERROR_NO_SUCH_NAME, i + 1);
                        break;
                    }
                    response.add(next == null ? new VariableBinding(asked.get(i).getOid(), Null.endOfMibView) : next);
                }
            }
            case PDU.GETBULK -> {
                int reps = request.getMaxRepetitions();
                maxRepetitionsSeen.add(reps);
                List<OID> cursors = new ArrayList<>();
                asked.forEach(vb -> cursors.add(vb.getOid()));
                for (int r = 0; r < reps; r++) {
                    boolean allEnded = true;
                    for (int i = 0; i < cursors.size(); i++) {
                        VariableBinding next = next(cursors.get(i));
                        if (next == null) {
                            response.add(new VariableBinding(cursors.get(i), Null.endOfMibView));
                        } else {
                            response.add(next);
                            cursors.set(i, next.getOid());
                            allEnded = false;
                        }
                    }
                    if (allEnded) {
                        break;
                    }
                }
            }
            default -> {
                return;
            }
        }
        if (response.size() > maxVarbinds) {
            response.clear();
            response.setErrorStatus(PDU.tooBig);
            response.setErrorIndex(0);
        }
        response.setRequestID(request.getRequestID()); // PDU.clear() resets it
        e.setProcessed(true);
        synchronized (this) {
            maxUnanswered = Math.max(maxUnanswered, ++unanswered);
        }
        if (answerDelayMillis > 0) {
            delayer.schedule(() -> answer(e, response), answerDelayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } else {
            answer(e, response);
        }
    }

    private <A extends org.snmp4j.smi.Address> void answer(CommandResponderEvent<A> e, PDU response) {
        synchronized (this) {
            unanswered--;
        }
        try {
            e.getMessageDispatcher().returnResponsePdu(e.getMessageProcessingModel(), e.getSecurityModel(),
                    e.getSecurityName(), e.getSecurityLevel(), response, e.getMaxSizeResponsePDU(),
                    e.getStateReference(), new StatusInformation());
        } catch (org.snmp4j.MessageException ex) {
            throw new IllegalStateException("scripted agent could not answer: " + ex.getMessage(), ex);
        }
    }

    private VariableBinding next(OID oid) {
        OID loop = loopAfter;
        if (loop != null && oid.compareTo(loop) >= 0) {
            Map.Entry<OID, Variable> first = table.firstEntry();
            return new VariableBinding(first.getKey(), first.getValue());
        }
        Map.Entry<OID, Variable> e = table.higherEntry(oid);
        return e == null ? null : new VariableBinding(e.getKey(), e.getValue());
    }

    private static void error(PDU response, List<? extends VariableBinding> asked, int status, int index) {
        // v1: an error answer carries the request's varbinds unchanged (RFC 1157 section 4.1.2)
        response.clear();
        for (VariableBinding vb : asked) {
            response.add(new VariableBinding(vb.getOid(), vb.getVariable()));
        }
        response.setErrorStatus(status);
        response.setErrorIndex(index);
    }
}
