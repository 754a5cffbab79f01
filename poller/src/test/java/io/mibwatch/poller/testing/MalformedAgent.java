package io.mibwatch.poller.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.snmp4j.PDU;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OctetString;

/**
 * A UDP peer on 127.0.0.1 that answers every SNMPv1/v2c request with bytes a client cannot
 * decode, as broken or hostile agents do: what it sends is built by hand (BER, X.690) from the
 * request's request-id, so the fault is exactly the one named. {@link Fault#STRAY} sends the
 * garbage from a second socket (another port) instead, and nothing from the agent's own port.
 */
public final class MalformedAgent implements AutoCloseable {

    /** What the agent sends back. */
    public enum Fault {
        /** The outer SEQUENCE header kept, every byte after it XOR 0xA5 (as the simulator's GARBLE). */
        GARBLED,
        /** A correct response cut in half (as the simulator's TRUNCATE). */
        TRUNCATED,
        /** A varbind list whose length says more bytes follow than the message has. */
        BAD_LENGTH,
        /** A correct response whose value is an INTEGER of 9 content octets (wider than 32 bits). */
        OVERSIZED_INTEGER,
        /** Garbage from another port of the same host; the agent's own port stays silent. */
        STRAY
    }

    private final DatagramSocket socket;
    private final DatagramSocket stray;
    private final Fault fault;
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread thread;

    private MalformedAgent(Fault fault) throws SocketException {
        this.fault = fault;
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.stray = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "malformed-agent");
        thread.setDaemon(true);
        thread.start();
    }

    public static MalformedAgent start(Fault fault) throws SocketException {
        return new MalformedAgent(fault);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Requests received so far. */
    public int requests() {
        return requests.get();
    }

    private void serve() {
        byte[] buf = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                requests.incrementAndGet();
                byte[] answer = answer(Arrays.copyOf(p.getData(), p.getLength()));
                DatagramSocket from = fault == Fault.STRAY ? stray : socket;
                from.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a request that is not SNMP: nothing to answer
            }
        }
    }

    private byte[] answer(byte[] request) throws IOException {
        BERInputStream in = new BERInputStream(ByteBuffer.wrap(request));
        BER.decodeHeader(in, new BER.MutableByte());
        Integer32 version = new Integer32();
        version.decodeBER(in);
        OctetString community = new OctetString();
        community.decodeBER(in);
        PDU pdu = new PDU();
        pdu.decodeBER(in);
        int requestId = pdu.getRequestID().getValue();
        byte[] oid = encodedOid(pdu);
        return switch (fault) {
            case GARBLED, STRAY -> {
                byte[] m = message(version.getValue(), community.getValue(), requestId, oid, tlv(0x41, 7));
                for (int i = 2; i < m.length; i++) {
                    m[i] ^= (byte) 0xA5;
                }
                yield m;
            }
            case TRUNCATED -> {
                byte[] m = message(version.getValue(), community.getValue(), requestId, oid, tlv(0x41, 7));
                yield Arrays.copyOf(m, m.length / 2);
            }
            case OVERSIZED_INTEGER -> message(version.getValue(), community.getValue(), requestId, oid,
                    tlv(0x02, 1, 0, 0, 0, 0, 0, 0, 0, 0));
            case BAD_LENGTH -> {
                byte[] varbind = tlv(0x30, concat(oid, tlv(0x41, 7)));
                // the varbind list claims 100 more octets than it has
                byte[] list = concat(new byte[] {0x30, (byte) (varbind.length + 100)}, varbind);
                yield pduMessage(version.getValue(), community.getValue(), requestId, list);
            }
        };
    }

    private static byte[] encodedOid(PDU pdu) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(pdu.get(0).getOid().getBERLength());
        pdu.get(0).getOid().encodeBER(new org.snmp4j.asn1.BEROutputStream(b));
        return b.array();
    }

    private static byte[] message(int version, byte[] community, int requestId, byte[] oid, byte[] value) {
        byte[] list = tlv(0x30, tlv(0x30, concat(oid, value)));
        return pduMessage(version, community, requestId, list);
    }

    private static byte[] pduMessage(int version, byte[] community, int requestId, byte[] varbindList) {
        byte[] pdu = tlv(0xA2, concat(integer(requestId), tlv(0x02, 0), tlv(0x02, 0), varbindList));
        return tlv(0x30, concat(tlv(0x02, version), tlv(0x04, community), pdu));
    }

    private static byte[] integer(int v) {
        return tlv(0x02, ByteBuffer.allocate(4).putInt(v).array());
    }

    private static byte[] tlv(int tag, int... content) {
        byte[] b = new byte[content.length];
        for (int i = 0; i < content.length; i++) {
            b[i] = (byte) content[i];
        }
        return tlv(tag, b);
    }

    /** Tag, definite length (short or long form, X.690 section 8.1.3), content. */
    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 128) {
            out.write(n);
        } else if (n < 256) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        socket.close();
        stray.close();
    }
}
