package io.mibwatch.simulator.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.snmp4j.PDU;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.smi.OctetString;

/** v1/v2c messages encoded and decoded by SNMP4J: the independent reference peer of the codec tests. */
final class Messages {
    private Messages() {
    }

    record Decoded(int version, String community, PDU pdu) {
    }

    static byte[] encode(int version, String community, PDU pdu) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            BER.encodeInteger(body, BER.INTEGER, version);
            new OctetString(community).encodeBER(body);
            pdu.encodeBER(body);
            ByteArrayOutputStream msg = new ByteArrayOutputStream();
            BER.encodeHeader(msg, BER.SEQUENCE, body.size());
            body.writeTo(msg);
            return msg.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Decoded decode(byte[] b, int off, int len) {
        try {
            BERInputStream in = new BERInputStream(ByteBuffer.wrap(b, off, len));
            BER.MutableByte type = new BER.MutableByte();
            int msgLen = BER.decodeHeader(in, type);
            if (type.getValue() != BER.SEQUENCE || msgLen != len - (int) in.getPosition() + off) {
                throw new IOException("bad message header, length " + msgLen);
            }
            int version = BER.decodeInteger(in, type);
            OctetString community = new OctetString();
            community.decodeBER(in);
            PDU pdu = new PDU();
            pdu.decodeBER(in);
            if (in.available() > 0) throw new IOException(in.available() + " bytes after the PDU");
            return new Decoded(version, community.toString(), pdu);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
