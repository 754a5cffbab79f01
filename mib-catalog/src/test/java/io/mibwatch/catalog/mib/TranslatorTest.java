package io.mibwatch.catalog.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Translation both ways over the real IF-MIB/SNMPv2-MIB/HOST-RESOURCES-MIB, as snmptranslate does. */
class TranslatorTest {

    private static Translator tr;

    @BeforeAll
    static void load() {
        var dir = SnmpData.mibDir();
        MibSet set = MibLoader.loadFiles(Stream.of("SNMPv2-SMI", "SNMPv2-TC", "SNMPv2-CONF", "SNMPv2-MIB",
                "IANAifType-MIB", "IF-MIB", "HOST-RESOURCES-MIB").map(dir::resolve).toList());
        assertEquals(List.of(), set.problems());
        tr = new Translator(set.tree());
    }

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("IF-MIB::ifHCInOctets.3", "1.3.6.1.2.1.31.1.1.1.6.3"),
                Arguments.of("IF-MIB::ifHCInOctets", "1.3.6.1.2.1.31.1.1.1.6"),
                Arguments.of("SNMPv2-MIB::sysUpTime.0", "1.3.6.1.2.1.1.3.0"),
                Arguments.of("IF-MIB::ifDescr.10101", "1.3.6.1.2.1.2.2.1.2.10101"),
                Arguments.of("HOST-RESOURCES-MIB::hrStorageUsed.1", "1.3.6.1.2.1.25.2.3.1.6.1"),
                Arguments.of("SNMPv2-SMI::enterprises.9.1.1", "1.3.6.1.4.1.9.1.1"));
    }

    @ParameterizedTest(name = "{0} <-> {1}")
    @MethodSource("pairs")
    void bothWays(String name, String oid) {
        assertEquals(oid, tr.toOid(name).toString());
        assertEquals(name, tr.toName(Oid.parse(oid)));
    }

    @Test
    void plainDescriptorAndDottedInput() {
        assertEquals("1.3.6.1.2.1.31.1.1.1.6.3", tr.toOid("ifHCInOctets.3").toString());
        assertEquals("1.3.6.1.2.1.1.1.0", tr.toOid(".1.3.6.1.2.1.1.1.0").toString());
    }

    @Test
    void unnamedOidStaysDotted() {
        assertEquals("1.2.3", tr.toName(Oid.parse("1.2.3")));
    }

    @Test
    void unknownNameIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tr.toOid("IF-MIB::ifNoSuch.1"));
        assertTrue(e.getMessage().contains("unknown MIB name 'IF-MIB::ifNoSuch'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tr.toOid("ifDescr.x"));
        assertTrue(e.getMessage().contains("not dotted decimal"), e.getMessage());
    }
}
