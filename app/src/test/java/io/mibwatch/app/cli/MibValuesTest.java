package io.mibwatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mibwatch.catalog.mib.MibLoader;
import io.mibwatch.catalog.mib.MibSet;
import io.mibwatch.catalog.mib.Translator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/** get/walk output with MIBs: names and formatted values; JSON keeps its contract fields and gains two. */
class MibValuesTest {

    private static MibValues values;

    @BeforeAll
    static void load() {
        var dir = MibCli.mibDir();
        MibSet set = MibLoader.loadFiles(Stream.of("SNMPv2-SMI", "SNMPv2-TC", "SNMPv2-CONF", "SNMPv2-MIB",
                "IANAifType-MIB", "IF-MIB", "HOST-RESOURCES-MIB").map(dir::resolve).toList());
        values = new MibValues(new Translator(set.tree()));
    }

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("1.3.6.1.2.1.2.2.1.8.2", new Integer32(1), "IF-MIB::ifOperStatus.2 = INTEGER: up(1)"),
                Arguments.of("1.3.6.1.2.1.2.2.1.3.2", new Integer32(6), "IF-MIB::ifType.2 = INTEGER: ethernetCsmacd(6)"),
                Arguments.of("1.3.6.1.2.1.2.2.1.6.2", new OctetString(HexFormat.of().parseHex("001b210a0b0c")),
                        "IF-MIB::ifPhysAddress.2 = OCTET STRING: 00:1b:21:0a:0b:0c"),
                Arguments.of("1.3.6.1.2.1.25.1.2.0", new OctetString(HexFormat.of().parseHex("07e801020d1e0f002b0000")),
                        "HOST-RESOURCES-MIB::hrSystemDate.0 = OCTET STRING: 2024-1-2,13:30:15.0,+0:0"),
                Arguments.of("1.3.6.1.2.1.1.3.0", new TimeTicks(8_640_123L),
                        "SNMPv2-MIB::sysUpTime.0 = TimeTicks: (8640123) 1 day, 0:00:01.23"),
                Arguments.of("1.3.6.1.2.1.1.5.0", new OctetString("router1"), "SNMPv2-MIB::sysName.0 = OCTET STRING: router1"),
                Arguments.of("1.3.6.1.2.1.31.1.1.1.6.3", new Counter64(12345), "IF-MIB::ifHCInOctets.3 = Counter64: 12345"),
                Arguments.of("1.3.6.1.4.1.9.9.109.1.1.1.1.8.1", new Integer32(7), "SNMPv2-SMI::enterprises.9.9.109.1.1.1.1.8.1 = INTEGER: 7"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("lines")
    void textLine(String oid, Variable v, String expected) {
        assertEquals(expected, values.textLine(new VariableBinding(new OID(oid), v)));
    }

    @Test
    void jsonKeepsContractFieldsAndAddsNameAndFormatted() {
        StringWriter w = new StringWriter();
        SnmpCalls.print(new PrintWriter(w), List.of(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.8.2"), new Integer32(1))),
                true, values);
        assertEquals("{\"oid\":\"1.3.6.1.2.1.2.2.1.8.2\",\"type\":\"INTEGER\",\"value\":1,"
                + "\"name\":\"IF-MIB::ifOperStatus.2\",\"formatted\":\"up(1)\"}", w.toString().strip());
    }

    @Test
    void namesAreAcceptedForOids() {
        assertEquals(new OID("1.3.6.1.2.1.1.3.0"), values.oid("sysUpTime.0"));
        assertEquals(new OID("1.3.6.1.2.1.2.2"), values.oid("IF-MIB::ifTable"));
        assertEquals(new OID("1.3.6.1.2.1.1.1.0"), values.oid("1.3.6.1.2.1.1.1.0"));
    }
}
