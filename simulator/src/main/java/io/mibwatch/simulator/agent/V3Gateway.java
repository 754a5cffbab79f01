package io.mibwatch.simulator.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.TransportStateReference;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.AbstractTransportMapping;

/**
 * SNMPv3 (RFC 3412 message processing, RFC 3414 USM) through SNMP4J, for tests of v3 pollers; not the
 * fast path. SNMP4J authenticates/decrypts and discovers the engine; the scoped PDU is then
 * re-encoded as a v2c message and answered by the same {@link Responder} as v1/v2c, so the
 * GET/GETNEXT/GETBULK semantics exist once. Synchronised: one datagram at a time.
 */
final class V3Gateway {
    /** Result of one datagram: the bytes to send (null: nothing) and the device that answered (null for Reports). */
    record Result(byte[] reply, SnmpSimulator.Device device) {
    }

    private final MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
    private final CaptureTransport transport = new CaptureTransport();
    private final V2cRequest request = new V2cRequest();
    private final Responder responder = new Responder();
    private final Function<String, SnmpSimulator.Device> byContext;

    // per-call state (guarded by this)
    private SnmpSimulator.Device portDevice;
    private SnmpSimulator.Device answered;
    private java.time.Instant simTime;
    private int varbinds;

    /**
     * @param byContext device for a non-empty SNMPv3 contextName on the first port (the v3 analogue
     *                  of snmpsim's community routing); null if unknown
     */
    V3Gateway(V3User user, Function<String, SnmpSimulator.Device> byContext) {
        this.byContext = byContext;
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
        USM usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID(new OctetString("mibwatch-simulator"))), 0);
        usm.addUser(new OctetString(user.name()), new UsmUser(new OctetString(user.name()), AuthSHA.ID,
                new OctetString(user.authPass()), PrivAES128.ID, new OctetString(user.privPass())));
        dispatcher.addMessageProcessingModel(new MPv3(usm));
        dispatcher.addTransportMapping(transport);
        transport.addTransportListener(dispatcher); // Snmp does this wiring; a bare dispatcher needs it explicitly
        dispatcher.addCommandResponder(this::processPdu);
    }

    /** Processes one v3 datagram for the device of the port it came in on. */
    synchronized Result handle(byte[] msg, int len, InetSocketAddress from, SnmpSimulator.Device device,
                               boolean firstPort, java.time.Instant now) {
        portDevice = device;
        firstPortRouting = firstPort;
        answered = null;
        simTime = now;
        transport.reply = null;
        varbinds = 0;
        byte[] copy = java.util.Arrays.copyOf(msg, len);
        UdpAddress addr = new UdpAddress(from.getAddress(), from.getPort());
        transport.deliver(addr, copy);
        return new Result(transport.reply, answered);
    }

    /** varbinds in the last answer */
    synchronized int lastVarbinds() {
        return varbinds;
    }

    private boolean firstPortRouting;

    private void processPdu(CommandResponderEvent<?> e) {
        e.setProcessed(true);
        if (!(e.getPDU() instanceof ScopedPDU scoped)) return;
        SnmpSimulator.Device device = portDevice;
        String context = scoped.getContextName() == null ? "" : scoped.getContextName().toString();
        if (!context.isEmpty() && firstPortRouting) {
            device = byContext.apply(context);
        } else if (!context.isEmpty() && !context.equals(portDevice.name())) {
            device = null;
        }
        if (device == null) return; // unknown context: dropped (counted by the caller as no answer)
        try {
            byte[] v2c = asV2cMessage(scoped);
            if (!request.decode(v2c, v2c.length)) return;
            int max = Math.max(484, e.getMaxSizeResponsePDU() - 64); // room for the scoped PDU's context fields
            if (!responder.respond(request, device.view(), simTime, max)) return;
            PDU answer = new PDU();
            answer.decodeBER(new BERInputStream(ByteBuffer.wrap(responder.out, responder.outStart, responder.outLen)
                    .position(responder.outStart + pduOffset(responder.out, responder.outStart))));
            ScopedPDU response = new ScopedPDU();
            response.setType(PDU.RESPONSE);
            response.setRequestID(scoped.getRequestID());
            response.setErrorStatus(answer.getErrorStatus());
            response.setErrorIndex(answer.getErrorIndex());
            response.setVariableBindings(answer.getVariableBindings());
            response.setContextEngineID(scoped.getContextEngineID());
            response.setContextName(scoped.getContextName());
            varbinds = responder.served;
            answered = device;
            e.getMessageDispatcher().returnResponsePdu(e.getMessageProcessingModel(), e.getSecurityModel(),
                    e.getSecurityName(), e.getSecurityLevel(), response, e.getMaxSizeResponsePDU(),
                    e.getStateReference(), new StatusInformation());
        } catch (Exception ex) {
            // an SNMP4J encoding refusal (e.g. too big after all) is no reason to stop serving
            answered = null;
            transport.reply = null;
        }
    }

    /** Offset of the PDU inside a v2c message {@code 30 L 02 01 01 04 L community PDU}. */
    private static int pduOffset(byte[] b, int start) {
        int p = start + 1;
        int l = b[p] & 0xff;
        p += l < 0x80 ? 1 : 1 + (l - 0x80);
        p += 3; // version
        p++; // 04
        l = b[p] & 0xff;
        int clen;
        if (l < 0x80) {
            clen = l;
            p++;
        } else {
            int n = l - 0x80;
            clen = 0;
            for (int i = 1; i <= n; i++) clen = (clen << 8) | (b[p + i] & 0xff);
            p += 1 + n;
        }
        return p + clen - start;
    }

    private static byte[] asV2cMessage(ScopedPDU scoped) throws IOException {
        PDU plain = new PDU(scoped);
        plain.setType(scoped.getType());
        ByteArrayOutputStream pdu = new ByteArrayOutputStream();
        plain.encodeBER(pdu);
        byte[] body = pdu.toByteArray();
        ByteArrayOutputStream msg = new ByteArrayOutputStream(body.length + 16);
        int inner = 3 + 2 + body.length;
        msg.write(0x30);
        if (inner < 0x80) {
            msg.write(inner);
        } else if (inner < 0x100) {
            msg.write(0x81);
            msg.write(inner);
        } else {
            msg.write(0x82);
            msg.write(inner >>> 8);
            msg.write(inner & 0xff);
        }
        msg.write(new byte[] {0x02, 0x01, 0x01, 0x04, 0x00});
        msg.write(body);
        return msg.toByteArray();
    }

    /** A transport that is fed datagrams by the agent's selector loop and captures what SNMP4J sends back. */
    private static final class CaptureTransport extends AbstractTransportMapping<UdpAddress> {
        byte[] reply;

        void deliver(UdpAddress from, byte[] msg) {
            TransportStateReference ref = new TransportStateReference(this, from, null, SecurityLevel.undefined,
                    SecurityLevel.undefined, false, null);
            fireProcessMessage(from, ByteBuffer.wrap(msg), ref);
        }

        @Override
        public Class<? extends org.snmp4j.smi.Address> getSupportedAddressClass() {
            return UdpAddress.class;
        }

        @Override
        public void sendMessage(UdpAddress address, byte[] message, TransportStateReference ref, long timeout, int retries) {
            reply = message;
        }

        @Override
        public void close() {
        }

        @Override
        public void listen() {
        }

        @Override
        public boolean isListening() {
            return true;
        }

        @Override
        public UdpAddress getListenAddress() {
            return new UdpAddress("127.0.0.1/0");
        }
    }
}
