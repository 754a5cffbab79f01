package io.mibwatch.poller.snmp;

import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One varbind as one line of JSON: the exchange format of {@code mibwatch walk --json}, the
 * snmpdata fixtures and other tools. The contract is fixed; other programs parse it.
 *
 * <pre>{"oid":"1.3.6.1.2.1.1.3.0","type":"TimeTicks","value":12345}</pre>
 *
 * <ul>
 *   <li>{@code oid}: dotted decimal, no leading dot.</li>
 *   <li>{@code type}: the SMI type name (RFC 2578 section 7.1 / RFC 3416 section 3):
 *       {@code INTEGER, OCTET STRING, NULL, OBJECT IDENTIFIER, IpAddress, Counter32, Gauge32,
 *       TimeTicks, Opaque, Counter64}. Unsigned32 is encoded with the Gauge32 tag and so is
 *       reported as {@code Gauge32} (RFC 2578 section 7.1.11).</li>
 *   <li>{@code value}:
 *     <ul>
 *       <li>INTEGER: signed JSON number; Counter32, Gauge32, TimeTicks: unsigned JSON number
 *           (0..4294967295); Counter64: unsigned decimal JSON number (0..18446744073709551615;
 *           readers must not force it into a signed 64-bit or a double).</li>
 *       <li>OCTET STRING: the text when the bytes are <em>printable UTF-8</em>, otherwise
 *           {@code null} (the key is always present). Printable UTF-8 means: the bytes decode as
 *           UTF-8 with a strict decoder (malformed or unmappable input, overlong forms and
 *           surrogates are rejected) and the decoded text has no ISO control character
 *           (U+0000..U+001F, U+007F..U+009F) other than tab, CR and LF. The empty string is
 *           printable ({@code ""}). In addition {@code hex} always carries the raw bytes as
 *           lowercase hex without separators, so nothing is lost (MAC addresses, binary indexes).</li>
 *       <li>IpAddress: dotted quad. OBJECT IDENTIFIER: dotted decimal, no leading dot.</li>
 *       <li>Opaque: the raw bytes as lowercase hex (RFC 2578 section 7.1.9: the content is an
 *           opaque BER wrapping the reader may decode itself).</li>
 *       <li>NULL: {@code null}.</li>
 *     </ul></li>
 *   <li>The v2 exception values noSuchObject, noSuchInstance and endOfMibView (RFC 3416 section 3)
 *       are NULLs on the wire with their own tag; they are written as {@code "type":"NULL",
 *       "value":null} plus {@code "exception":"noSuchObject"} (etc.), so a reader that only knows
 *       the ten types still sees a NULL.</li>
 * </ul>
 * Strings are escaped per RFC 8259 section 7; non-ASCII text is written as is (the line is UTF-8).
 */
public final class VarBindJson {

    private VarBindJson() {
    }

    /** One JSON object, no trailing newline. */
    public static String toJsonLine(VariableBinding vb) {
        Variable v = vb.getVariable();
        StringBuilder out = new StringBuilder(96);
        String type = name(v.getSyntax());
        if (type == null) {
            throw new IllegalArgumentException(vb.getOid().toDottedString() + ": unknown SMI syntax tag " + v.getSyntax());
        }
        out.append("{\"oid\":\"").append(vb.getOid().toDottedString()).append("\",\"type\":");
        string(out, type);
        out.append(",\"value\":");
        int syntax = v.getSyntax();
        switch (syntax) {
            case SMIConstants.SYNTAX_INTEGER -> out.append(((Integer32) v).getValue());
            case SMIConstants.SYNTAX_COUNTER32, SMIConstants.SYNTAX_GAUGE32, SMIConstants.SYNTAX_TIMETICKS ->
                    out.append(((UnsignedInteger32) v).getValue() & 0xFFFF_FFFFL);
            case SMIConstants.SYNTAX_COUNTER64 -> out.append(Long.toUnsignedString(((Counter64) v).getValue()));
            case SMIConstants.SYNTAX_OCTET_STRING -> {
                byte[] bytes = ((OctetString) v).getValue();
                String text = printableUtf8(bytes);
                if (text == null) {
                    out.append("null");
                } else {
                    string(out, text);
                }
                out.append(",\"hex\":\"").append(hex(bytes)).append('"');
            }
            case SMIConstants.SYNTAX_OPAQUE -> out.append('"').append(hex(((OctetString) v).getValue())).append('"');
            case SMIConstants.SYNTAX_IPADDRESS -> string(out, dottedQuad((IpAddress) v));
            case SMIConstants.SYNTAX_OBJECT_IDENTIFIER -> string(out, ((OID) v).toDottedString());
            case SMIConstants.SYNTAX_NULL -> out.append("null");
            case SMIConstants.EXCEPTION_NO_SUCH_OBJECT, SMIConstants.EXCEPTION_NO_SUCH_INSTANCE,
                 SMIConstants.EXCEPTION_END_OF_MIB_VIEW -> {
                out.append("null,\"exception\":");
                string(out, exceptionName(syntax));
            }
            default -> throw new IllegalArgumentException(
                    vb.getOid().toDottedString() + ": unknown SMI syntax tag " + syntax);
        }
        return out.append('}').toString();
    }

    /**
     * The contract's type name for a value (see the class comment); exception values are "NULL".
     *
     * @throws IllegalArgumentException for a syntax tag outside RFC 2578/3416 (SNMP4J only decodes those)
     */
    public static String typeName(Variable v) {
        String name = name(v.getSyntax());
        if (name == null) {
            throw new IllegalArgumentException("unknown SMI syntax tag " + v.getSyntax() + " (" + v.getClass().getSimpleName() + ")");
        }
        return name;
    }

    private static String name(int syntax) {
        return switch (syntax) {
            case SMIConstants.SYNTAX_INTEGER -> "INTEGER";
            case SMIConstants.SYNTAX_OCTET_STRING -> "OCTET STRING";
            case SMIConstants.SYNTAX_NULL, SMIConstants.EXCEPTION_NO_SUCH_OBJECT,
                 SMIConstants.EXCEPTION_NO_SUCH_INSTANCE, SMIConstants.EXCEPTION_END_OF_MIB_VIEW -> "NULL";
            case SMIConstants.SYNTAX_OBJECT_IDENTIFIER -> "OBJECT IDENTIFIER";
            case SMIConstants.SYNTAX_IPADDRESS -> "IpAddress";
            case SMIConstants.SYNTAX_COUNTER32 -> "Counter32";
            case SMIConstants.SYNTAX_GAUGE32 -> "Gauge32";
            case SMIConstants.SYNTAX_TIMETICKS -> "TimeTicks";
            case SMIConstants.SYNTAX_OPAQUE -> "Opaque";
            case SMIConstants.SYNTAX_COUNTER64 -> "Counter64";
            default -> null;
        };
    }

    /** The text when {@code bytes} is printable UTF-8 as defined in the class comment, else null. */
    static String printableUtf8(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
                return null;
            }
        }
        return text;
    }

    private static String exceptionName(int syntax) {
        return switch (syntax) {
            case SMIConstants.EXCEPTION_NO_SUCH_OBJECT -> "noSuchObject";
            case SMIConstants.EXCEPTION_NO_SUCH_INSTANCE -> "noSuchInstance";
            default -> "endOfMibView";
        };
    }

    private static String dottedQuad(IpAddress ip) {
        byte[] b = ip.toByteArray();
        StringBuilder s = new StringBuilder(15);
        for (int i = 0; i < b.length; i++) {
            if (i > 0) s.append('.');
            s.append(b[i] & 0xFF);
        }
        return s.toString();
    }

    static String hex(byte[] bytes) {
        final String digits = "0123456789abcdef";
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(digits.charAt((b >> 4) & 0xF)).append(digits.charAt(b & 0xF));
        }
        return s.toString();
    }

    /** Appends a JSON string literal (RFC 8259 section 7). */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // U+2028/U+2029 are legal JSON but break JavaScript line parsing; escape them too
                    if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
