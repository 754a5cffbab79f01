package io.mibwatch.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.TreeMap;
import java.util.stream.Stream;
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
import org.snmp4j.smi.Variable;

class SnmprecWriterTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of(new Integer32(-5), "1.3.6|2|-5"),
                Arguments.of(new OctetString("Linux box | rack 3"), "1.3.6|4|Linux box | rack 3"),
                Arguments.of(new OctetString(""), "1.3.6|4|"),
                Arguments.of(new OctetString(new byte[] {0x02, 0, (byte) 0xff}), "1.3.6|4x|0200ff"),
                Arguments.of(new OctetString("trailing "), "1.3.6|4x|747261696c696e6720"),
                Arguments.of(new Null(), "1.3.6|5|"),
                Arguments.of(new OID("1.3.6.1.4.1.8072.3.2.10"), "1.3.6|6|1.3.6.1.4.1.8072.3.2.10"),
                Arguments.of(new IpAddress("10.1.2.3"), "1.3.6|64|10.1.2.3"),
                Arguments.of(new Counter32(4_294_967_295L), "1.3.6|65|4294967295"),
                Arguments.of(new Gauge32(1000), "1.3.6|66|1000"),
                Arguments.of(new TimeTicks(123), "1.3.6|67|123"),
                Arguments.of(new Opaque(new byte[] {(byte) 0x9f, 0x78, 4}), "1.3.6|68x|9f7804"),
                Arguments.of(new Counter64(-1L), "1.3.6|70|18446744073709551615"));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void oneLinePerType(Variable v, String expected) {
        assertEquals(expected, SnmprecWriter.line(new OID("1.3.6"), v));
    }

    @org.junit.jupiter.api.Test
    void sortedByOidNotByText() {
        TreeMap<OID, Variable> m = new TreeMap<>();
        m.put(new OID("1.3.6.1.2.1.1.10.0"), new Integer32(2));
        m.put(new OID("1.3.6.1.2.1.1.9.0"), new Integer32(1));
        assertEquals("1.3.6.1.2.1.1.9.0|2|1\n1.3.6.1.2.1.1.10.0|2|2\n", SnmprecWriter.format(m));
    }
}
