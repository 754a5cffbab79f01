package io.mibwatch.poller.snmprec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Opaque;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

class SnmprecFileTest {

    @TempDir
    Path dir;

    private SnmprecFile parse(String text) throws IOException {
        Path p = dir.resolve("t.snmprec");
        Files.write(p, text.getBytes(StandardCharsets.ISO_8859_1));
        return SnmprecFile.read(p);
    }

    @Test
    void readsEveryTagSortedAndDeduplicated() throws IOException {
        SnmprecFile f = parse(String.join("\r\n",
                "1.3.6.1.9|70|18446744073709551615",
                "1.3.6.1.2|2|-7",
                "1.3.6.1.3|4|a|b",
                "1.3.6.1.4|4x|00ff41",
                "1.3.6.1.5|4e|\\x00A\\n\\\\",
                "1.3.6.1.6|6|1.3.6.1.4.1.9",
                "1.3.6.1.7|64|10.0.0.1",
                "1.3.6.1.7.1|64|J}M}",
                "1.3.6.1.7.2|64x|c3dafe61",
                "1.3.6.1.8|65|4294967295",
                "1.3.6.1.8.1|66|5",
                "1.3.6.1.8.2|67|100",
                "1.3.6.1.8.3|68x|9f78043eeb851f",
                "1.3.6.1.2|2|99",
                "", ""));
        assertEquals(0, f.junkLines(), f.junk().toString());
        assertEquals(1, f.duplicates());
        assertEquals(List.of(
                new VariableBinding(new OID("1.3.6.1.2"), new Integer32(-7)),
                new VariableBinding(new OID("1.3.6.1.3"), new OctetString("a|b")),
                new VariableBinding(new OID("1.3.6.1.4"), new OctetString(new byte[] {0, (byte) 0xff, 0x41})),
                new VariableBinding(new OID("1.3.6.1.5"), new OctetString(new byte[] {0, 'A', '\n', '\\'})),
                new VariableBinding(new OID("1.3.6.1.6"), new OID("1.3.6.1.4.1.9")),
                new VariableBinding(new OID("1.3.6.1.7"), new IpAddress("10.0.0.1")),
                new VariableBinding(new OID("1.3.6.1.7.1"), new IpAddress(new byte[] {'J', '}', 'M', '}'})),
                new VariableBinding(new OID("1.3.6.1.7.2"), new IpAddress("195.218.254.97")),
                new VariableBinding(new OID("1.3.6.1.8"), new Counter32(4294967295L)),
                new VariableBinding(new OID("1.3.6.1.8.1"), new Gauge32(5)),
                new VariableBinding(new OID("1.3.6.1.8.2"), new TimeTicks(100)),
                new VariableBinding(new OID("1.3.6.1.8.3"), new Opaque(new byte[] {(byte) 0x9f, 0x78, 0x04, 0x3e, (byte) 0xeb, (byte) 0x85, 0x1f})),
                new VariableBinding(new OID("1.3.6.1.9"), new Counter64(-1L))), f.bindings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.3.6.1.2.1.4.20.1.2.10.xx.xx.100|2|13", "1.3.6.1|64|<private>", "1.3.6.1|2|abc",
            "1.3.6.1|65|-1", "1.3.6.1|65|4294967296", "no pipes here", "1.3.6.1|99|1", ".1.3.6.1|2|1",
            "1.3.6.1.4294967296|2|1", "1.3.6.1|4e|\\x4"})
    void junkLinesAreSkippedAndCounted(String line) throws IOException {
        SnmprecFile f = parse("1.3.6.1.1|2|1\n" + line + "\n");
        assertEquals(1, f.junkLines(), line);
        assertEquals(1, f.bindings().size());
        assertTrue(f.junk().get(0).contains(":2: "), f.junk().toString());
    }

    @Test
    void pythonEscapes() {
        assertArrayEquals(new byte[] {4, (byte) 0x88, '_', (byte) 0xaa, (byte) 0xda, '0'},
                SnmprecFile.unescapePython("\\x04\\x88_\\xaa\\xda0"));
        assertArrayEquals(new byte[] {'\t', '\r', '\''}, SnmprecFile.unescapePython("\\t\\r\\'"));
    }
}
