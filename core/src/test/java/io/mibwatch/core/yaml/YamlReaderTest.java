package io.mibwatch.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mibwatch.core.time.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final List<String> problems = new ArrayList<>();
    private final YamlReader reader = new YamlReader((path, value, message) -> problems.add(path + " | " + value + " | " + message),
            path -> path.endsWith("secret"));

    private static JsonNode tree(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void buildsKeyPaths() {
        assertEquals("devices", YamlReader.key("", "devices"));
        assertEquals("devices[3].snmp", YamlReader.key(YamlReader.index("devices", 3), "snmp"));
    }

    @Test
    void collectsEveryProblemAndGoesOn() throws Exception {
        JsonNode n = tree("{\"port\": 70000, \"name\": true, \"bulk\": \"yes\", \"intervall\": 5}");
        assertNull(reader.integer("d.port", n.get("port"), 1, 65535, "not a UDP port (1-65535)"));
        assertNull(reader.text("d.name", n.get("name")));
        assertNull(reader.bool("d.bulk", n.get("bulk")));
        reader.unknownKeys("d", n, Set.of("port", "name", "bulk", "interval"));
        assertEquals(List.of(
                "d.port | 70000 | not a UDP port (1-65535)",
                "d.name | true | expected text, got a boolean; quote it (YAML reads yes/no/on/off/true/false as booleans)",
                "d.bulk | yes | expected true or false",
                "d.intervall | null | unknown key (did you mean 'interval'?); known keys here: bulk, interval, name, port"),
                problems);
        assertEquals(4, reader.count());
        assertTrue(reader.any());
    }

    @Test
    void readsGoodValuesWithoutProblems() throws Exception {
        JsonNode n = tree("{\"port\": 161, \"name\": \"core1\", \"bulk\": false, \"every\": \"5s\", \"list\": [1, 2]}");
        assertEquals(161, reader.integer("port", n.get("port"), 1, 65535, "range"));
        assertEquals("core1", reader.requiredText("name", n.get("name")));
        assertFalse(reader.bool("bulk", n.get("bulk")));
        assertTrue(reader.bool("absent", n.get("absent"), true));
        assertEquals(Duration.ofSeconds(5), reader.duration("every", n.get("every")));
        assertEquals(Duration.ofSeconds(7), reader.duration("n", tree("7")));
        assertEquals(Duration.ofMinutes(90), reader.duration("n", tree("\"1h30m\"")));
        assertEquals(2, reader.list("list", n.get("list"), "expected a list").size());
        assertEquals(List.of(), problems);
    }

    @Test
    void namesTheDurationGrammarAndRefusesZero() throws Exception {
        assertNull(reader.duration("every", tree("\"soon\"")));
        assertNull(reader.duration("every", tree("0")));
        assertEquals(List.of("every | soon | not a duration (" + DurationText.EXAMPLES_OR_SECONDS + ")",
                "every | 0 | must be positive"), problems);
    }

    @Test
    void durationOrZeroTakesAbsenceAndZeroAsNoWait() throws Exception {
        assertEquals(Duration.ZERO, reader.durationOrZero("for", null));
        assertEquals(Duration.ZERO, reader.durationOrZero("for", tree("0")));
        assertEquals(Duration.ZERO, reader.durationOrZero("for", tree("\"0s\"")));
        assertEquals(Duration.ofMinutes(5), reader.durationOrZero("for", tree("\"5m\"")));
        assertEquals(List.of(), problems);
        assertEquals(Duration.ZERO, reader.durationOrZero("for", tree("\"later\"")));
        assertEquals(List.of("for | later | not a duration (" + DurationText.EXAMPLES_OR_SECONDS + ")"), problems);
    }

    @Test
    void oneOfHintsTheNearestName() throws Exception {
        assertEquals("WARNING", reader.oneOf("severity", tree("\"warning\""), "severity", List.of("warning", "critical"),
                s -> s.toUpperCase(java.util.Locale.ROOT)));
        assertNull(reader.oneOf("severity", tree("\"critcal\""), "severity", List.of("warning", "critical"), s -> s));
        assertEquals(List.of("severity | critcal | unknown severity (did you mean 'critical'?) (valid: warning, critical)"),
                problems);
    }

    @Test
    void aMappingExpectedAtASecretPathDoesNotShowTheValue() throws Exception {
        assertNull(reader.mapping("creds.secret", tree("\"hunter22\""), Set.of(), "a set"));
        assertNull(reader.mapping("creds.other", tree("\"plain\""), Set.of(), "a set"));
        assertEquals(List.of("creds.secret | null | expected a mapping (a set)",
                "creds.other | plain | expected a mapping (a set)"), problems);
    }

    @Test
    void requiredTextReportsAbsentAndBlank() throws Exception {
        assertNull(reader.requiredText("name", null));
        assertNull(reader.requiredText("name", tree("\"\"")));
        assertEquals(List.of("name | null | required", "name | \"\" | must not be empty"), problems);
    }

    @Test
    void itemsReadsEachWithItsPathAndLeavesOutBadOnes() throws Exception {
        java.util.Set<String> names = new java.util.HashSet<>();
        List<String> read = reader.items("rules", tree("[\"a\", 7, \"b\", \"a\"]"), "expected a list of rules",
                (path, n) -> reader.uniqueName(reader.text(path, n), name -> name, path, names, "duplicate rule name"));
        assertEquals(List.of("a", "b"), read);
        assertEquals(List.of("rules[1] | 7 | expected text, got a number; quote it so YAML keeps it as written",
                "rules[3].name | a | duplicate rule name"), problems);
    }

    @Test
    void itemsOfAnAbsentListAreNoneAndANonListIsReported() throws Exception {
        assertEquals(List.of(), reader.items("rules", null, "expected a list of rules", (path, n) -> n));
        assertEquals(List.of(), reader.items("rules", tree("{\"a\": 1}"), "expected a list of rules", (path, n) -> n));
        assertEquals(List.of("rules | {a:1} | expected a list of rules"), problems);
    }

    @Test
    void wordMapsAFewWordsAndFallsBackOnAbsentOrBad() throws Exception {
        java.util.Map<String, Boolean> highLow = java.util.Map.of("high", true, "low", false);
        assertFalse(reader.word("direction", tree("\"low\""), highLow, true, "expected high or low"));
        assertTrue(reader.word("direction", null, highLow, true, "expected high or low"));
        assertTrue(reader.word("direction", tree("\"up\""), highLow, true, "expected high or low"));
        assertEquals(List.of("direction | up | expected high or low"), problems);
    }
}
