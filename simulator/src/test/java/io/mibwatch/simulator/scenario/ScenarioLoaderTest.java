package io.mibwatch.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mibwatch.config.ConfigError;
import io.mibwatch.core.time.DurationText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.smi.OID;

class ScenarioLoaderTest {

    static final String EXAMPLE = """
            faults:
              - {at: 2m, duration: 3m, device: core1, kind: timeout}          # no answer
              - {at: 1m, duration: 1m, device: sw-*, kind: slow, delay: 2s}
              - {at: 90s, device: srv1, kind: reboot}
              - {at: 30s, device: core1, kind: counter_wrap, oid: 1.3.6.1.2.1.2.2.1.10.1}
              - {at: 1m, duration: 2m, device: srv1, kind: cpu_spike, value: 97}
              - {at: 1m, duration: 5m, device: sw1, kind: interface_down, ifindex: 3}
              - {at: 4m, duration: 1m, device: core1, kind: garbled}
              - {at: 4m, duration: 1m, device: core1, kind: truncated}
              - {at: 5m, duration: 1m, device: core1, kind: auth_failure}
            """;

    @Test
    void readsEveryKindOfTheDocumentedExample() throws Exception {
        Scenario s = ScenarioLoader.parse(EXAMPLE, "example.yaml");
        DevicePattern core1 = new DevicePattern("core1");
        assertEquals(List.of(
                new Fault.Timeout(Duration.ofMinutes(2), Duration.ofMinutes(3), core1),
                new Fault.Slow(Duration.ofMinutes(1), Duration.ofMinutes(1), new DevicePattern("sw-*"), Duration.ofSeconds(2)),
                new Fault.Reboot(Duration.ofSeconds(90), new DevicePattern("srv1")),
                new Fault.CounterWrap(Duration.ofSeconds(30), core1, new OID("1.3.6.1.2.1.2.2.1.10.1")),
                new Fault.CpuSpike(Duration.ofMinutes(1), Duration.ofMinutes(2), new DevicePattern("srv1"), 97),
                new Fault.InterfaceDown(Duration.ofMinutes(1), Duration.ofMinutes(5), new DevicePattern("sw1"), 3),
                new Fault.Garbled(Duration.ofMinutes(4), Duration.ofMinutes(1), core1),
                new Fault.Truncated(Duration.ofMinutes(4), Duration.ofMinutes(1), core1),
                new Fault.AuthFailure(Duration.ofMinutes(5), Duration.ofMinutes(1), core1)), s.faults());
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, EXAMPLE);
        assertEquals(9, ScenarioLoader.load(f).faults().size());
    }

    @Test
    void emptyListIsAScenarioWithoutFaults() throws Exception {
        assertEquals(Scenario.EMPTY, ScenarioLoader.parse("faults: []\n", "s"));
    }

    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of("0", Duration.ZERO),
                Arguments.of("0s", Duration.ZERO),
                Arguments.of("45", Duration.ofSeconds(45)),
                Arguments.of("500ms", Duration.ofMillis(500)),
                Arguments.of("90s", Duration.ofSeconds(90)),
                Arguments.of("1m30s", Duration.ofSeconds(90)),
                Arguments.of("2h", Duration.ofHours(2)),
                Arguments.of("3d", Duration.ofDays(3)),
                Arguments.of("1h30m", Duration.ofMinutes(90)),
                Arguments.of("1w", Duration.ofDays(7)));
    }

    @ParameterizedTest
    @MethodSource("durations")
    void durationForms(String text, Duration expected) throws Exception {
        Scenario s = ScenarioLoader.parse("faults:\n  - {at: " + text + ", device: a, kind: reboot}\n", "s");
        assertEquals(expected, s.faults().get(0).at());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("", List.of(new ConfigError("", null,
                        "empty scenario; expected a mapping with a 'faults' list (faults: [] for none)"))),
                Arguments.of("fault: []\n", List.of(
                        new ConfigError("fault", null, "unknown key; known keys here: faults"),
                        new ConfigError("faults", null, "required (a list of faults; faults: [] for none)"))),
                Arguments.of("faults: {at: 1m}\n", List.of(new ConfigError("faults", "{at:1m}", "expected a list of faults"))),
                Arguments.of("faults:\n  - {at: soon, device: core1, kind: reboot}\n", List.of(
                        new ConfigError("faults[0].at", "soon", "not a duration (" + DurationText.EXAMPLES_OR_SECONDS + ")"))),
                Arguments.of("faults:\n  - {at: -5, device: core1, kind: reboot}\n", List.of(
                        new ConfigError("faults[0].at", "-5", "not a duration (" + DurationText.EXAMPLES_OR_SECONDS + ")"))),
                Arguments.of("faults:\n  - {at: 1m, device: core1, kind: explode}\n", List.of(
                        new ConfigError("faults[0].kind", "explode", "unknown fault kind; one of timeout, slow, "
                                + "garbled, truncated, auth_failure, reboot, counter_wrap, cpu_spike, interface_down, degradation"))),
                Arguments.of("faults:\n  - {at: 1m, duration: 0s, device: core1, kind: timeout}\n", List.of(
                        new ConfigError("faults[0].duration", "0s", "must be longer than zero"))),
                Arguments.of("faults:\n  - {at: 1m, device: core1, kind: timeout}\n", List.of(
                        new ConfigError("faults[0].duration", null,
                                "required (time after the start, " + DurationText.EXAMPLES_OR_SECONDS + ")"))),
                Arguments.of("faults:\n  - {at: 1m, duration: 1m, device: core1, kind: reboot}\n", List.of(
                        new ConfigError("faults[0].duration", "1m", "does not apply to kind reboot"))),
                Arguments.of("faults:\n  - {at: 1m, duration: 1m, device: core1, kind: timeout, delay: 2s}\n", List.of(
                        new ConfigError("faults[0].delay", "2s", "does not apply to kind timeout; timeout takes duration"))),
                Arguments.of("faults:\n  - {at: 1m, duration: 1m, device: 'a b', kind: slow}\n", List.of(
                        new ConfigError("faults[0].device", "a b",
                                "not a device name or glob (letters, digits, _ . : - and the wildcards * ?)"),
                        new ConfigError("faults[0].delay", null,
                                "required (time after the start, " + DurationText.EXAMPLES_OR_SECONDS + ")"))),
                Arguments.of("faults:\n  - {at: 1m, device: core1, kind: counter_wrap, oid: ifInOctets.1}\n", List.of(
                        new ConfigError("faults[0].oid", "ifInOctets.1", "not a dotted OID such as 1.3.6.1.2.1.2.2.1.10.1"))),
                Arguments.of("faults:\n  - {at: 1m, device: core1, kind: counter_wrap, oid: 1.3.4294967296}\n", List.of(
                        new ConfigError("faults[0].oid", "1.3.4294967296",
                                "OID arc 4294967296 is above 4294967295 (RFC 2578 section 3.5)"))),
                Arguments.of("faults:\n  - {at: 1m, duration: 1m, device: srv1, kind: cpu_spike, value: 120}\n", List.of(
                        new ConfigError("faults[0].value", "120", "expected a CPU percentage, 0-100"))),
                Arguments.of("faults:\n  - {at: 1m, duration: 1m, device: sw1, kind: interface_down, ifindex: 0}\n", List.of(
                        new ConfigError("faults[0].ifindex", "0", "expected an ifIndex, 1-2147483647 (RFC 2863 InterfaceIndex)"))),
                Arguments.of("faults:\n  - {at: 1m, device: a, kind: reboot, colour: red}\n", List.of(
                        new ConfigError("faults[0].colour", null,
                                "unknown key; known keys here: at, delay, device, duration, every, ifindex, ipsla, kind, loss, oid, seed, value"))),
                // every error of every entry at once
                Arguments.of("faults:\n  - {device: a, kind: reboot}\n  - {at: 1m, kind: reboot}\n  - 7\n", List.of(
                        new ConfigError("faults[0].at", null, "required (time after the start, " + DurationText.EXAMPLES_OR_SECONDS + ")"),
                        new ConfigError("faults[1].device", null, "required (a device name, or a glob such as sw-*)"),
                        new ConfigError("faults[2]", "7",
                                "expected a mapping such as {at: 1m, duration: 2m, device: core1, kind: timeout}"))));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void reportsEveryErrorWithPathAndValue(String yaml, List<ConfigError> expected) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "bad.yaml"));
        assertEquals(expected, e.errors());
        assertEquals("bad.yaml", e.source());
    }

    @Test
    void duplicateKeysAndSecondDocumentsAreErrors() {
        ScenarioException dup = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("faults: []\nfaults: []\n", "d.yaml"));
        assertEquals(1, dup.errors().size());
        assertEquals(true, dup.errors().get(0).message().contains("Duplicate field 'faults'"), dup.getMessage());
        ScenarioException two = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("faults: []\n---\nfaults: []\n", "d.yaml"));
        assertEquals(true, two.errors().get(0).message().startsWith("more than one YAML document"), two.getMessage());
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("faults:\n  - {at: 1m, device: [core1\n", "m.yaml"));
        assertEquals(true, e.errors().get(0).message().startsWith("malformed YAML at line "), e.getMessage());
    }

    @Test
    void messageListsOneErrorPerLine() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("faults:\n  - {at: x, device: a, kind: reboot}\n", "m.yaml"));
        assertEquals("m.yaml: 1 scenario error\n  faults[0].at: x: not a duration (" + DurationText.EXAMPLES_OR_SECONDS + ")",
                e.getMessage());
    }
}
