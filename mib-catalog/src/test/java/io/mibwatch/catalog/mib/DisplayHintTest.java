package io.mibwatch.catalog.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 2579 section 3.1 DISPLAY-HINT rules, table-driven. */
class DisplayHintTest {

    static Stream<Arguments> octetHints() {
        return Stream.of(
                // MacAddress / PhysAddress (SNMPv2-TC): hex with separator, zero padded
                Arguments.of("1x:", "001b210a0b0c", "00:1b:21:0a:0b:0c"),
                // DisplayString
                Arguments.of("255a", "6574683020", "eth0 "),
                // DateAndTime without and with the UTC offset (SNMPv2-TC); the last spec's separator is not printed at the end
                Arguments.of("2d-1d-1d,1d:1d:1d.1d,1a1d:1d", "07e80102" + "0d1e0f00", "2024-1-2,13:30:15.0"),
                Arguments.of("2d-1d-1d,1d:1d:1d.1d,1a1d:1d", "07e80102" + "0d1e0f00" + "2b051e", "2024-1-2,13:30:15.0,+5:30"),
                // IPv4 address as in InetAddressIPv4 (INET-ADDRESS-MIB)
                Arguments.of("1d.1d.1d.1d", "c0a80001", "192.168.0.1"),
                // the last spec repeats: "1d." applied to every octet
                Arguments.of("1d.", "0a000001", "10.0.0.1"),
                // InetAddressIPv6: 2x: groups
                Arguments.of("2x:2x:2x:2x:2x:2x:2x:2x", "20010db8000000000000000000000001", "2001:0db8:0000:0000:0000:0000:0000:0001"),
                // repeat indicator with terminator (RFC 2579 example style): count byte 2, then two octets separated by '.', then '/'
                Arguments.of("*1d./1d", "020a0b05", "10.11/5"),
                // octal
                Arguments.of("1o", "08", "10"),
                // UTF-8 text
                Arguments.of("255t", "c3a9", "é"),
                // empty value gives empty text
                Arguments.of("1x:", "", ""));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("octetHints")
    void formatsOctets(String hint, String hex, String expected) {
        assertEquals(expected, DisplayHint.formatOctets(hint, HexFormat.of().parseHex(hex)));
    }

    static Stream<Arguments> badOctetHints() {
        return Stream.of(Arguments.of("x"), Arguments.of("1q"), Arguments.of("0a"), Arguments.of("d-2"), Arguments.of(""));
    }

    @ParameterizedTest
    @MethodSource("badOctetHints")
    void invalidOctetHintGivesNull(String hint) {
        assertEquals(null, DisplayHint.formatOctets(hint, new byte[] {1, 2}));
    }

    static Stream<Arguments> integerHints() {
        return Stream.of(
                Arguments.of("d", 1234L, "1234"),
                Arguments.of("d-2", 1234L, "12.34"),
                Arguments.of("d-2", 5L, "0.05"),
                Arguments.of("d-1", -15L, "-1.5"),
                Arguments.of("d-3", 0L, "0.000"),
                Arguments.of("x", 255L, "ff"),
                Arguments.of("o", 8L, "10"),
                Arguments.of("b", 5L, "101"),
                Arguments.of("1x:", 5L, null),
                Arguments.of("d-z", 5L, null));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("integerHints")
    void formatsIntegers(String hint, long value, String expected) {
        assertEquals(expected, DisplayHint.formatInteger(hint, value));
    }
}
