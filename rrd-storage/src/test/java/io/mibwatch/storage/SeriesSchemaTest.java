package io.mibwatch.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesSchemaTest {

    @Test
    void twentyCharacterNameAccepted() {
        String twenty = "a".repeat(20);
        SeriesSchema schema = new SeriesSchema(Map.of("if", List.of(twenty)));
        assertEquals(Optional.of(List.of(twenty)), schema.metricsOf("if"));
        assertEquals(Optional.empty(), schema.metricsOf("other"));
    }

    static Stream<Arguments> badSchemas() {
        return Stream.of(
                Arguments.of(Map.of("if", List.of("ifHCInUcastPktsTotal1")), "ifHCInUcastPktsTotal1", "at most 20"),
                Arguments.of(Map.of("if", List.of("in", "in")), "'in'", "twice"),
                Arguments.of(Map.of("if", List.of()), "'if'", "no metrics"),
                Arguments.of(Map.of("if", List.of("in/out")), "in/out", "must match"),
                Arguments.of(Map.of("bad group", List.of("in")), "bad group", "must match"),
                Arguments.of(Map.of("if", Arrays.asList("in", null)), "'if'", "null"));
    }

    @ParameterizedTest
    @MethodSource("badSchemas")
    void badSchemaNamesTheCulprit(Map<String, List<String>> groups, String named, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SeriesSchema(groups));
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void keepsDataSourceOrder() {
        SeriesSchema schema = new SeriesSchema(Map.of("if", List.of("z", "a", "m")));
        assertEquals(List.of("z", "a", "m"), schema.metricsOf("if").orElseThrow());
    }
}
