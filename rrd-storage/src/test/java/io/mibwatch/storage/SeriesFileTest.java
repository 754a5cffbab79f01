package io.mibwatch.storage;

import io.mibwatch.core.series.SeriesId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesFileTest {

    static final Path DATA = Path.of("/var/lib/mibwatch/rrd");
    static final SeriesSchema SCHEMA = new SeriesSchema(Map.of(
            "if", List.of("inOctets", "outOctets"),
            "system", List.of("uptime")));

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("if/3/inOctets", "core1/if/3.rrd"),
                Arguments.of("if/3/outOctets", "core1/if/3.rrd"),
                Arguments.of("system//uptime", "core1/system.rrd"),
                Arguments.of("temp/cpu0/celsius", "core1/temp/cpu0@celsius.rrd"),
                Arguments.of("temp//board", "core1/temp/@board.rrd"),
                Arguments.of("if/Gi0:1.5/inOctets", "core1/if/Gi0:1.5.rrd"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("paths")
    void pathForWrite(String series, String expected) {
        SeriesId id = SeriesId.parse("core1", series);
        assertEquals(DATA.resolve(expected), SeriesFile.forWrite(id, SCHEMA).path(DATA));
    }

    static Stream<Arguments> dotComponents() {
        return Stream.of(
                Arguments.of(new SeriesId("..", "if", "1", "inOctets"), "device '..'"),
                Arguments.of(new SeriesId(".", "if", "1", "inOctets"), "device '.'"),
                Arguments.of(new SeriesId("core1", "..", "1", "inOctets"), "group '..'"),
                Arguments.of(new SeriesId("core1", "if", "..", "inOctets"), "instance '..'"),
                Arguments.of(new SeriesId("core1", "temp", ".", "celsius"), "instance '.'"));
    }

    @ParameterizedTest
    @MethodSource("dotComponents")
    void dotComponentsRefused(SeriesId id, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeriesFile.forWrite(id, SCHEMA).path(DATA));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void fileNamesBackToGroupAndInstance() {
        assertArrayEquals(new String[] {"system", ""}, SeriesFile.groupAndInstance(null, "system.rrd").orElseThrow());
        assertArrayEquals(new String[] {"if", "3"}, SeriesFile.groupAndInstance("if", "3.rrd").orElseThrow());
        assertArrayEquals(new String[] {"temp", "cpu0"}, SeriesFile.groupAndInstance("temp", "cpu0@celsius.rrd").orElseThrow());
        assertArrayEquals(new String[] {"temp", ""}, SeriesFile.groupAndInstance("temp", "@board.rrd").orElseThrow());
        assertTrue(SeriesFile.groupAndInstance("if", "3.rrd.creating").isEmpty());
    }

    @Test
    void fetchLooksInTheOtherFormToo() {
        SeriesId grouped = SeriesId.parse("core1", "if/3/inOctets");
        assertEquals(List.of(
                        new SeriesFile("core1", "if", "3", null),
                        new SeriesFile("core1", "if", "3", "inOctets")),
                SeriesFile.candidates(grouped, SCHEMA));
        SeriesId single = SeriesId.parse("core1", "temp/cpu0/celsius");
        assertEquals(new SeriesFile("core1", "temp", "cpu0", "celsius"), SeriesFile.candidates(single, SCHEMA).get(0));
    }
}
