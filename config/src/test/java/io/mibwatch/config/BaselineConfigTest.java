package io.mibwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** thresholds.baselines: learned time-of-day baseline rules, their defaults and every error with its key path. */
class BaselineConfigTest {

    static MibwatchConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "test.yaml", null, Map.<String, String>of()::get);
    }

    @Test
    void defaultsAndEveryKey() throws Exception {
        MibwatchConfig c = parse("""
                thresholds:
                  baselines:
                    - name: wan-rtt
                      match: {device: wan1, metric: cisco_rtt/rtt}
                      margin: 50%
                    - name: night-traffic
                      match: {metric: interfaces/inOctets, instance: "1"}
                      reference: mean
                      margin: x2
                      slot: 20m
                      weeks: 6
                      arm_weeks: 3
                      split_weekend: false
                      direction: low
                      severity: critical
                      for: 10m
                      zone: Europe/Paris
                """);
        assertEquals(List.of(
                new ThresholdsConfig.Baseline("wan-rtt", new ThresholdsConfig.Match("wan1", "cisco_rtt", "rtt", "*"),
                        ThresholdsConfig.BaselineReference.P90, new ThresholdsConfig.BaselineMargin(false, 50), 60, 4, 2,
                        true, true, false, Duration.ZERO, Optional.empty()),
                new ThresholdsConfig.Baseline("night-traffic", new ThresholdsConfig.Match("*", "interfaces", "inOctets", "1"),
                        ThresholdsConfig.BaselineReference.MEAN, new ThresholdsConfig.BaselineMargin(true, 2), 20, 6, 3,
                        false, false, true, Duration.ofMinutes(10), Optional.of(ZoneId.of("Europe/Paris")))),
                c.thresholds().baselines());
    }

    static Stream<Arguments> margins() {
        return Stream.of(Arguments.of("10%", false, 10.0), Arguments.of("30 %", false, 30.0), Arguments.of("50%", false, 50.0),
                Arguments.of("x2", true, 2.0), Arguments.of("1.5x", true, 1.5), Arguments.of("250%", false, 250.0));
    }

    @ParameterizedTest
    @MethodSource("margins")
    void marginsArePercentagesOrMultiples(String text, boolean multiple, double amount) throws Exception {
        MibwatchConfig c = parse("thresholds:\n  baselines:\n    - {name: b, match: {metric: cpu/load}, margin: \"" + text + "\"}\n");
        assertEquals(new ThresholdsConfig.BaselineMargin(multiple, amount), c.thresholds().baselines().get(0).margin());
    }

    static Stream<Arguments> bad() {
        String head = "thresholds:\n  baselines:\n    - ";
        return Stream.of(
                Arguments.of(head + "{name: b, match: {metric: cpu/load}}",
                        List.of("thresholds.baselines[0].margin: required: a percentage above (or below) the reference "
                                + "such as 30%, or a multiple such as x2")),
                Arguments.of(head + "{name: b, match: {metric: cpu/load}, margin: 30}",
                        List.of("thresholds.baselines[0].margin: 30: expected a percentage such as 10%, 30%, 50% or a multiple such as x2")),
                Arguments.of(head + "{name: b, match: {metric: cpu/load}, margin: x1}",
                        List.of("thresholds.baselines[0].margin: x1: a multiple must be above 1 (x1 is the reference itself)")),
                Arguments.of(head + "{name: b, match: {metric: cpu/load}, margin: 100%, direction: low}",
                        List.of("thresholds.baselines[0].margin: 100%: with direction low the limit is the reference minus "
                                + "the margin: below 100% (or use a multiple such as x2, the reference halved)")),
                Arguments.of(head + "{name: b, match: {metric: cpu/load}, margin: 30%, reference: p99, slot: 30m, weeks: 0, "
                                + "direction: up, severity: page, zone: Mars/Olympus}",
                        List.of("thresholds.baselines[0].reference: p99: expected mean, p75 or p90",
                                "thresholds.baselines[0].direction: up: expected high (higher than usual is bad) or low (lower is bad)",
                                "thresholds.baselines[0].slot: 30m: expected 20m (72 slots a day) or 60m (24 slots)",
                                "thresholds.baselines[0].weeks: 0: weeks of history, 1..52",
                                "thresholds.baselines[0].severity: page: expected warning or critical",
                                "thresholds.baselines[0].zone: Mars/Olympus: unknown time zone (e.g. UTC, Europe/Paris)")),
                Arguments.of(head + "{name: b, match: {metric: cpu/load}, margin: 30%, weeks: 2, arm_weeks: 3}",
                        List.of("thresholds.baselines[0].arm_weeks: 3: cannot exceed weeks (2): the rule would never learn enough to alert")),
                Arguments.of(head + "{name: b, margin: 30%, slots: 20m}",
                        List.of("thresholds.baselines[0].slots: unknown key (did you mean 'slot'?); known keys here: arm_weeks, "
                                        + "direction, for, margin, match, name, reference, severity, slot, split_weekend, weeks, zone",
                                "thresholds.baselines[0].match: required: e.g. {device: \"core-*\", metric: cpu/load}")),
                Arguments.of("thresholds:\n  rules:\n    - {name: b, match: {metric: cpu/load}, levels: {warning: 1}}\n"
                                + "  baselines:\n    - {name: b, match: {metric: cpu/load}, margin: 30%}",
                        List.of("thresholds.baselines[0].name: b: duplicate rule name (names identify alerts; "
                                + "thresholds.rules and thresholds.baselines share them)")),
                Arguments.of("thresholds: {baselines: {name: b}}",
                        List.of("thresholds.baselines: {name:b}: expected a list of baseline rules")));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void everyErrorNamesItsKeyPathAndValue(String yaml, List<String> expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml + "\n"));
        assertEquals(expected, e.errors().stream().map(ConfigError::toString).toList());
    }
}
