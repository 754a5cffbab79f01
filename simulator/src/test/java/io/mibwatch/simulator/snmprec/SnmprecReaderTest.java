package io.mibwatch.simulator.snmprec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.simulator.testing.Recordings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

class SnmprecReaderTest {

    static Stream<Arguments> validLines() {
        byte[] hexBytes = HexFormat.of().parseHex("00aaff10");
        return Stream.of(
                Arguments.of("1.3.6.1.2.1.2.2.1.1.1|2|1", new Integer32(1)),
                Arguments.of("1.3.6.1.2.1.2.2.1.1.1|2|-2147483648", new Integer32(Integer.MIN_VALUE)),
                Arguments.of("1.3.6.1.2.1.1.1.0|4|Linux a|b ", new OctetString("Linux a|b ")),
                Arguments.of("1.3.6.1.2.1.1.1.0|4|", new OctetString("")),
                Arguments.of("1.3.6.1.2.1.1.1.0|4x|00AAff10", new OctetString(hexBytes)),
                Arguments.of("1.3.6.1.2.1.1.1.0|4e|\\x04\\x88_\\xaa\\xda0", new OctetString(new byte[] {4, (byte) 0x88, '_', (byte) 0xaa, (byte) 0xda, '0'})),
                Arguments.of("1.3.6.1.2.1.1.1.0|4e|a\\tb\\n\\\\\\'\\\"", new OctetString("a\tb\n\\'\"")),
                Arguments.of("1.3.6.1.2.1.1.1.0|5|", new Null()),
                Arguments.of("1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10", new OID("1.3.6.1.4.1.8072.3.2.10")),
                Arguments.of("1.3.6.1.2.1.4.20.1.1.10.0.0.1|64|10.0.0.1", new IpAddress("10.0.0.1")),
                Arguments.of("1.3.6.1.2.1.6.13.1.4.1|64|J}M}", new IpAddress(new byte[] {'J', '}', 'M', '}'})),
                Arguments.of("1.3.6.1.2.1.4.20.1.1.1|64x|0aee0219", new IpAddress("10.238.2.25")),
                Arguments.of("1.3.6.1.2.1.4.20.1.1.1|64e|\\n\\xee\\x02\\x19", new IpAddress("10.238.2.25")),
                Arguments.of("1.3.6.1.2.1.2.2.1.10.1|65|4294967295", new Counter32(4294967295L)),
                Arguments.of("1.3.6.1.2.1.2.2.1.5.1|66|1000000000", new Gauge32(1000000000L)),
                Arguments.of("1.3.6.1.2.1.1.3.0|67|6872340", new TimeTicks(6872340L)),
                Arguments.of("1.3.6.1.4.1.2021.10.1.6.1|68x|9f78043eeb851f", new Opaque(HexFormat.of().parseHex("9f78043eeb851f"))),
                // net-snmp's text form of the UCD opaque float: 0.46 as IEEE single = 3eeb851f
                Arguments.of("1.3.6.1.4.1.2021.10.1.6.1|68|Float: 0.46", new Opaque(HexFormat.of().parseHex("9f78043eeb851f"))),
                Arguments.of("1.3.6.1.4.1.2021.10.1.6.1|68|Double: 1.5", new Opaque(HexFormat.of().parseHex("9f79083ff8000000000000"))),
                Arguments.of("1.3.6.1.2.1.31.1.1.1.6.1|70|18446744073709551615", new Counter64(-1L)),
                Arguments.of(".1.3.6.1.2.1.1.5.0|4|leading dot", new OctetString("leading dot")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validLines")
    void parsesEveryTagAndEncoding(String line, Variable expected) {
        Optional<VariableBinding> vb = SnmprecReader.parseLine(line);
        assertTrue(vb.isPresent(), line);
        assertEquals(expected, vb.get().getVariable());
        assertEquals(expected.getSyntax(), vb.get().getVariable().getSyntax());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "1.3.6.1.2.1.4.20.1.2.10.xx.xx.100|2|13",        // anonymised OID
            "1.3.6.1.4.1.9.9.168.1.2.1.1.3.1|64|<private>",   // anonymised IpAddress
            "1.3.6.1.2.1.1.1.0|4",                            // no value field
            "1.3.6.1.2.1.1.1.0",                              // no tag
            "1.3.6.1.2.1.1.1.0|2|twelve",
            "1.3.6.1.2.1.1.1.0|2x|0c",                        // hex integer: snmpsim has no such thing
            "1.3.6.1.2.1.1.1.0|65|4294967296",                // Counter32 overflow
            "1.3.6.1.2.1.1.1.0|65|-1",
            "1.3.6.1.2.1.1.1.0|4x|abc",                       // odd hex
            "1.3.6.1.2.1.1.1.0|4e|\\q",                       // unknown escape (snmpsim raises too)
            "1.3.6.1.2.1.1.1.0|4e|\\x4",                      // truncated \x
            "1.3.6.1.2.1.1.1.0|64|10.0.0.256",
            "1.3.6.1.2.1.1.1.0|128|",                         // noSuchObject is no recordable value
            "1.3.6.1.2.1.1.4294967296.0|2|1",                 // sub-identifier over 32 bits
            "3.1|2|1",                                        // first arc must be 0..2 (X.690 8.19.4)
            "|2|1"})
    void rejectsJunk(String line) {
        assertEquals(Optional.empty(), SnmprecReader.parseLine(line));
    }

    @Test
    void sortsSurvivesCrlfAndBlankLinesAndLastDuplicateWins() {
        String text = "1.3.6.1.2.1.1.5.0|4|second-name\r\n"
                + "1.3.6.1.2.1.1.1.0|4|descr\r\n"
                + "\r\n"
                + "1.3.6.1.2.1.1.10.0|2|10\r\n"
                + "1.3.6.1.2.1.1.xx.0|2|1\r\n"
                + "1.3.6.1.2.1.1.5.0|4|last-name\r\n"
                + "garbage\r\n"
                + "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9\r\n\r\n";
        Recording r = SnmprecReader.parse("dev", "dev.snmprec", text.getBytes(StandardCharsets.ISO_8859_1));
        List<String> oids = Stream.iterate(0, i -> i < r.size(), i -> i + 1).map(i -> r.oid(i).toDottedString()).toList();
        assertEquals(List.of("1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.10.0"), oids);
        assertEquals(new OctetString("last-name"), r.value(2));
        assertEquals(new LoadReport("dev.snmprec", 7, 4, 2, 5, 1), r.report());
    }

    @Test
    void preEncodedVarBindsAreSnmp4jsEncoding() throws Exception {
        Recording r = SnmprecReader.parse("d", "d.snmprec",
                "1.3.6.1.2.1.31.1.1.1.6.1|70|18446744073709551615\n1.3.6.1.2.1.1.1.0|4|x\n".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < r.size(); i++) {
            VariableBinding vb = new VariableBinding(r.oid(i), r.value(i));
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            vb.encodeBER(expected);
            byte[] actual = new byte[r.varBindLength(i)];
            r.copyVarBind(i, actual, 0);
            assertArrayEquals(expected.toByteArray(), actual);
            byte[] name = new byte[r.nameLength(i)];
            r.copyName(i, name, 0);
            java.io.ByteArrayOutputStream oid = new java.io.ByteArrayOutputStream();
            r.oid(i).encodeBER(oid);
            assertArrayEquals(oid.toByteArray(), name);
        }
        assertEquals(0x46, r.valueTag(1));
    }

    @Test
    void unsignedOrderOfSubIdentifiers() {
        Recording r = SnmprecReader.parse("d", "d.snmprec",
                "1.3.6.1.4294967295|2|1\n1.3.6.1.2147483648|2|1\n1.3.6.1.5|2|1\n1.3.6.1.5.1|2|1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("1.3.6.1.5", r.oid(0).toDottedString());
        assertEquals("1.3.6.1.5.1", r.oid(1).toDottedString());
        assertEquals("1.3.6.1.2147483648", r.oid(2).toDottedString());
        assertEquals("1.3.6.1.4294967295", r.oid(3).toDottedString());
    }

    /** Every shared recording loads; the junk the README documents is what is skipped. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void loadsEveryRecording(Path file) {
        Recording r = SnmprecReader.read(file);
        LoadReport rep = r.report();
        String name = r.name();
        int expectedJunk = switch (name) {
            case "windows_svr_2019_1809" -> 18;  // OIDs with "xx"
            case "nxos_n3k-3064pq" -> 4;         // <private> as IpAddress
            default -> 0;
        };
        assertEquals(expectedJunk, rep.junkLines(), name + ": " + rep);
        assertEquals(rep.records() - rep.junkLines() - rep.duplicates(), rep.served(), name);
        assertTrue(r.size() > 0, name);
    }

    static Stream<Path> recordings() {
        return Recordings.all().stream();
    }
}
