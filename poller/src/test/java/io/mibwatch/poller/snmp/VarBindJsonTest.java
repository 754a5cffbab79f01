package io.mibwatch.poller.snmp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Opaque;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VarBindJsonTest {

    private static final OID OID_ = new OID("1.3.6.1.2.1.1.3.0");

    private static Arguments row(Variable v, String expectedType, String expectedRest) {
        return Arguments.of(v, expectedType, expectedRest);
    }

    static Stream<Arguments> everyType() {
        return Stream.of(
                row(new Integer32(-42), "INTEGER", "\"value\":-42"),
                row(new Integer32(Integer.MIN_VALUE), "INTEGER", "\"value\":-2147483648"),
                row(new Integer32(Integer.MAX_VALUE), "INTEGER", "\"value\":2147483647"),
                row(new OctetString("eth0"), "OCTET STRING", "\"value\":\"eth0\",\"hex\":\"65746830\""),
                row(new OctetString(""), "OCTET STRING", "\"value\":\"\",\"hex\":\"\""),
                row(new Null(), "NULL", "\"value\":null"),
                row(new OID("1.3.6.1.4.1.8072.3.2.10"), "OBJECT IDENTIFIER", "\"value\":\"1.3.6.1.4.1.8072.3.2.10\""),
                row(new IpAddress("192.0.2.17"), "IpAddress", "\"value\":\"192.0.2.17\""),
                row(new IpAddress("255.255.255.0"), "IpAddress", "\"value\":\"255.255.255.0\""),
                row(new Counter32(4294967295L), "Counter32", "\"value\":4294967295"),
                row(new Counter32(0), "Counter32", "\"value\":0"),
                row(new Gauge32(4000000000L), "Gauge32", "\"value\":4000000000"),
                // Unsigned32 shares the Gauge32 tag (RFC 2578 7.1.11)
                row(new UnsignedInteger32(7), "Gauge32", "\"value\":7"),
                row(new TimeTicks(12345), "TimeTicks", "\"value\":12345"),
                row(new TimeTicks(4294967295L), "TimeTicks", "\"value\":4294967295"),
                row(new Opaque(new byte[]{(byte) 0x9f, 0x78, 0x04, 0x3f, (byte) 0x80, 0, 0}), "Opaque",
                        "\"value\":\"9f78043f800000\""),
                row(new Counter64(0), "Counter64", "\"value\":0"),
                // above Long.MAX_VALUE: printed unsigned, not as a negative long
                row(new Counter64(-1L), "Counter64", "\"value\":18446744073709551615"),
                row(new Counter64(Long.MIN_VALUE), "Counter64", "\"value\":9223372036854775808"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("everyType")
    void writesEveryTypeOfTheContract(Variable v, String type, String rest) {
        String json = VarBindJson.toJsonLine(new VariableBinding(OID_, v));
        assertEquals("{\"oid\":\"1.3.6.1.2.1.1.3.0\",\"type\":\"" + type + "\"," + rest + "}", json);
        assertEquals(type, VarBindJson.typeName(v));
    }

    static Stream<Arguments> octetStrings() {
        return Stream.of(
                // printable UTF-8, incl. non-ASCII and tab/CR/LF
                Arguments.of(utf8("Grüße, 日本"), "Grüße, 日本"),
                Arguments.of(utf8("line1\r\nline2\tend"), "line1\\r\\nline2\\tend"),
                Arguments.of(utf8("quote \" backslash \\ slash /"), "quote \\\" backslash \\\\ slash /"),
                // MAC address: not UTF-8 at all
                Arguments.of(new byte[]{0x02, (byte) 0xfc, 0, 0, 0, 1}, null),
                // valid UTF-8 but control characters (NUL, ESC, DEL, C1 U+0085)
                Arguments.of(new byte[]{'a', 0, 'b'}, null),
                Arguments.of(new byte[]{'a', 0x1b, 'b'}, null),
                Arguments.of(new byte[]{'a', 0x7f}, null),
                Arguments.of(new byte[]{(byte) 0xc2, (byte) 0x85}, null),
                // malformed: lone continuation byte, truncated sequence, overlong '/', encoded surrogate
                Arguments.of(new byte[]{(byte) 0x80}, null),
                Arguments.of(new byte[]{'a', (byte) 0xe6, (byte) 0x97}, null),
                Arguments.of(new byte[]{(byte) 0xc0, (byte) 0xaf}, null),
                Arguments.of(new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80}, null),
                // Latin-1 "é" alone is not UTF-8
                Arguments.of(new byte[]{'c', 'a', 'f', (byte) 0xe9}, null));
    }

    @ParameterizedTest
    @MethodSource("octetStrings")
    void octetStringValueOnlyWhenPrintableUtf8AndHexAlways(byte[] bytes, String expectedEscapedValue) {
        String json = VarBindJson.toJsonLine(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.6.2"), new OctetString(bytes)));
        String value = expectedEscapedValue == null ? "null" : "\"" + expectedEscapedValue + "\"";
        assertEquals("{\"oid\":\"1.3.6.1.2.1.2.2.1.6.2\",\"type\":\"OCTET STRING\",\"value\":" + value
                + ",\"hex\":\"" + hex(bytes) + "\"}", json);
    }

    @Test
    void printableDefinition() {
        assertEquals("a\tb", VarBindJson.printableUtf8(utf8("a\tb")));
        assertNull(VarBindJson.printableUtf8(new byte[]{0x07}));
    }

    @Test
    void lineSeparatorsArePrintableButEscaped() {
        // U+2028 is valid, printable UTF-8, but must not appear raw in a line meant for JavaScript
        String json = VarBindJson.toJsonLine(new VariableBinding(OID_, new OctetString(utf8("a\u2028b"))));
        assertEquals("{\"oid\":\"1.3.6.1.2.1.1.3.0\",\"type\":\"OCTET STRING\",\"value\":\"a\\u2028b\",\"hex\":\"61e280a862\"}", json);
    }

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(Null.noSuchObject, "noSuchObject"),
                Arguments.of(Null.noSuchInstance, "noSuchInstance"),
                Arguments.of(Null.endOfMibView, "endOfMibView"));
    }

    @ParameterizedTest
    @MethodSource("exceptions")
    void v2ExceptionsAreNullsWithTheirName(Null v, String name) {
        assertEquals("{\"oid\":\"1.3.6.1.2.1.1.3.0\",\"type\":\"NULL\",\"value\":null,\"exception\":\"" + name + "\"}",
                VarBindJson.toJsonLine(new VariableBinding(OID_, v)));
    }

    @Test
    void unknownSyntaxIsRejectedNamingTheOid() {
        Variable odd = new Integer32(1) {
            @Override
            public int getSyntax() {
                return 99;
            }
        };
        // VariableBinding clones its value, so hand the odd one out directly
        VariableBinding vb = new VariableBinding(OID_) {
            @Override
            public Variable getVariable() {
                return odd;
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VarBindJson.toJsonLine(vb));
        assertEquals("1.3.6.1.2.1.1.3.0: unknown SMI syntax tag 99", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VarBindJson.typeName(odd));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x & 0xff));
        }
        return s.toString();
    }
}
