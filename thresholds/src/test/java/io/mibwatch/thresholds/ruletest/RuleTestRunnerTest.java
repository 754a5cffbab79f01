package io.mibwatch.thresholds.ruletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleTestRunnerTest {

    static String resource(String name) throws IOException {
        try (InputStream in = RuleTestRunnerTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void exampleFilePasses() throws IOException {
        List<RuleTestResult> results = RuleTestRunner.run(RuleTestParser.parse(resource("cpu.rules-test.yaml"), "cpu.yaml"));
        assertEquals(3, results.size());
        assertEquals("", results.stream().filter(r -> !r.passed()).map(r -> r.test() + ": " + r.failures())
                .collect(Collectors.joining("\n")));
    }

    @Test
    void aWrongExpectationFailsWithBothSides() throws IOException {
        String yaml = resource("cpu.rules-test.yaml").replace(
                "at: 4m\n        alerts: [{alert: \"cpu-high@srv1/cpu/1/load\", state: firing, severity: warning}]",
                "at: 4m\n        alerts: [{alert: \"cpu-high@srv1/cpu/1/load\", state: firing, severity: critical}]");
        RuleTestResult first = RuleTestRunner.run(RuleTestParser.parse(yaml, "cpu.yaml")).get(0);
        assertEquals(1, first.failures().size(), first.failures().toString());
        String f = first.failures().get(0);
        assertTrue(f.startsWith("at 4m:") && f.contains("firing critical") && f.contains("firing warning"), f);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                arguments("tests: [{name: a, series: [{device: s, group: g, metric: m, values: '1 x 2'}]}]",
                        "t.yaml: tests[0].series[0].values: 'x' is not a value"),
                arguments("tests: [{name: a, expect: [{at: 5 minutes}]}]",
                        "t.yaml: tests[0].expect[0].at: '5 minutes' is not a duration"),
                arguments("tests: [{name: a, expect: [{at: 30m1h}]}]",
                        "t.yaml: tests[0].expect[0].at: '30m1h' is not a duration (e.g. 500ms, 90s, 5m, 1h30m, 2d, 1w)"),
                arguments("rules: [{id: r, direction: high, warning: 90, critical: 80}]\ntests: [{name: a}]",
                        "t.yaml: rules[0]: levels: high is bad, so warning (90) must be below critical (80)"),
                arguments("tests: [{name: a, colour: red}]", "t.yaml: tests[0].colour: unknown key"),
                arguments("dependencies: {a: b, b: a}\ntests: [{name: x}]",
                        "t.yaml: dependencies: device dependencies form a cycle"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFilesNameTheKeyAndValue(String yaml, String message) {
        RuleTestException e = assertThrows(RuleTestException.class,
                () -> RuleTestParser.parse(yaml, "t.yaml"));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
