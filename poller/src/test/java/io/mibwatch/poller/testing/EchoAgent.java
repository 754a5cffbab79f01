package io.mibwatch.poller.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.snmp4j.PDU;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * A UDP SNMPv1/v2c agent on 127.0.0.1 that answers every GET with the string {@code value} for
 * each OID asked, and records the request-ids it saw and where the requests came from. With
 * {@link #forgeFirst()} it first answers each request from a second socket (another port of the
 * same host) with the same request-id and the value {@code "forged"}, then, after
 * {@link #realAnswerDelay}, from its own port: a stray or forged answer racing the real one.
 */
public final class EchoAgent implements AutoCloseable {

    private final DatagramSocket socket;
    private final DatagramSocket stray;
    private final String value;
    private final boolean forge;
    private final Duration realAnswerDelay;
    private final List<Integer> requestIds = new ArrayList<>();
    private volatile SocketAddress client;
    private final Thread thread;

    private EchoAgent(String value, boolean forge, Duration realAnswerDelay) throws SocketException {
        this.value = value;
        this.forge = forge;
        this.realAnswerDelay = realAnswerDelay;
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.stray = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "echo-agent-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Answers every GET at once with {@code value}. */
    public static EchoAgent start(String value) throws SocketException {
        return new EchoAgent(value, false, Duration.ZERO);
    }

    /** Answers every GET first with {@code "forged"} from another port, then with {@code value} from its own after {@code delay}. */
    public static EchoAgent forgeFirst(String value, Duration delay) throws SocketException {
        return new EchoAgent(value, true, delay);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The request-ids of the requests received so far, in arrival order. */
    public synchronized List<Integer> requestIds() {
        return List.copyOf(requestIds);
    }

    /** Where the last request came from (the client's socket), or null before the first. */
    public SocketAddress client() {
        return client;
    }

    private void serve() {
        byte[] buf = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                client = p.getSocketAddress();
                Request r = Request.decode(ByteBuffer.wrap(p.getData(), 0, p.getLength()));
                synchronized (this) {
                    requestIds.add(r.requestId());
                }
                if (forge) {
                    byte[] forged = response(r.version(), r.community(), r.requestId(), r.oids(), "forged");
                    stray.send(new DatagramPacket(forged, forged.length, p.getSocketAddress()));
                    Thread.sleep(realAnswerDelay.toMillis());
                }
                byte[] real = response(r.version(), r.community(), r.requestId(), r.oids(), value);
                socket.send(new DatagramPacket(real, real.length, p.getSocketAddress()));
            } catch (IOException e) {
                // closed, or not SNMP: nothing to answer
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private record Request(int version, byte[] community, int requestId, List<OID> oids) {
        static Request decode(ByteBuffer bytes) throws IOException {
            BERInputStream in = new BERInputStream(bytes);
            BER.decodeHeader(in, new BER.MutableByte());
            Integer32 version = new Integer32();
            version.decodeBER(in);
            OctetString community = new OctetString();
            community.decodeBER(in);
            PDU pdu = new PDU();
            pdu.decodeBER(in);
            List<OID> oids = pdu.getVariableBindings().stream().map(VariableBinding::getOid).toList();
            return new Request(version.getValue(), community.getValue(), pdu.getRequestID().getValue(), oids);
        }
    }

    /** An SNMPv1/v2c message (RFC 3416 section 3) answering {@code requestId} with {@code value} for every OID. */
    public static byte[] response(int version, byte[] community, int requestId, List<OID> oids, String value) {
        PDU r = new PDU();
        r.setType(PDU.RESPONSE);
        r.setRequestID(new Integer32(requestId));
        for (OID oid : oids) {
            r.add(new VariableBinding(oid, new OctetString(value)));
        }
        Integer32 v = new Integer32(version);
        OctetString c = new OctetString(community);
        int length = v.getBERLength() + c.getBERLength() + r.getBERLength();
        ByteBuffer buf = ByteBuffer.allocate(1 + BER.getBERLengthOfLength(length) + length);
        try {
            BEROutputStream out = new BEROutputStream(buf);
            BER.encodeHeader(out, BER.SEQUENCE, length);
            v.encodeBER(out);
            c.encodeBER(out);
            r.encodeBER(out);
        } catch (IOException e) {
            throw new IllegalStateException("encoding a response to a buffer of its own size", e);
        }
        return buf.array();
    }

    @Override
    public void close() {
        socket.close();
        stray.close();
        thread.interrupt();
    }
}
