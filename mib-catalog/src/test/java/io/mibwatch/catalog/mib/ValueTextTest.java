package io.mibwatch.catalog.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueTextTest {

    private static final Syntax STATUS = new Syntax("INTEGER", "INTEGER", null, List.of(), List.of(),
            List.of(new NamedNumber("up", 1), new NamedNumber("down", 2), new NamedNumber("testing", 3)));
    private static final Syntax BITS = new Syntax("BITS", "BITS", null, List.of(), List.of(),
            List.of(new NamedNumber("a", 0), new NamedNumber("b", 1), new NamedNumber("j", 9)));

    private static MibNode node(Syntax s, String hint) {
        return new MibNode("M", "x", Oid.of(1, 3), NodeKind.OBJECT_TYPE, s, hint, null, null, null, List.of(), null, null);
    }

    static Stream<Arguments> integers() {
        return Stream.of(
                Arguments.of(node(STATUS, null), 1L, "up(1)"),
                Arguments.of(node(STATUS, null), 3L, "testing(3)"),
                Arguments.of(node(STATUS, null), 9L, "9"), // undefined value: the number alone, never a wrong label
                Arguments.of(node(new Syntax("Integer32", "Integer32", null, List.of(), List.of(), List.of()), "d-1"), 215L, "21.5"),
                Arguments.of(null, 42L, "42"));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("integers")
    void integersByEnumOrHint(MibNode node, long value, String expected) {
        assertEquals(expected, ValueText.integer(node, value));
    }

    static Stream<Arguments> bits() {
        return Stream.of(
                Arguments.of(new byte[] {(byte) 0x80}, "a(0)"),
                Arguments.of(new byte[] {(byte) 0xC0, 0x40}, "a(0) b(1) j(9)"),
                Arguments.of(new byte[] {0x20}, "(2)"),
                Arguments.of(new byte[] {0}, ""));
    }

    @ParameterizedTest
    @MethodSource("bits")
    void bitsByName(byte[] value, String expected) {
        assertEquals(expected, ValueText.octets(node(BITS, null), value));
    }

    static Stream<Arguments> ticks() {
        return Stream.of(
                Arguments.of(0L, "0:00:00.00"),
                Arguments.of(12_345L, "0:02:03.45"),
                Arguments.of(8_640_000L, "1 day, 0:00:00.00"),
                Arguments.of(4_294_967_295L, "497 days, 2:27:52.95"));
    }

    @ParameterizedTest
    @MethodSource("ticks")
    void timeTicks(long value, String expected) {
        assertEquals(expected, ValueText.timeTicks(value));
    }
}
