package io.mibwatch.poller.discovery;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

/**
 * Text of an SNMP value for people. DisplayString (RFC 2579) is NVT ASCII, but real
 * agents send UTF-8, Latin-1 and C strings with their terminating NULs; this never
 * fails: NULs are dropped, bytes that are not UTF-8 are read as Latin-1.
 */
final class DisplayText {

    private DisplayText() {
    }

    static String of(Variable v) {
        if (v == null) {
            return "";
        }
        if (v instanceof OctetString s) {
            return decode(s.getValue());
        }
        if (v instanceof OID o) {
            return o.toDottedString();
        }
        return v.toString();
    }

    static String decode(byte[] raw) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(raw.length);
        for (byte x : raw) {
            if (x != 0) {
                b.write(x);
            }
        }
        byte[] bytes = b.toByteArray();
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            s = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return s.strip();
    }
}
