package io.mibwatch.thresholds.ruletest;

import java.util.List;

/** Outcome of one test of a rule test file: empty failures means it passed. */
public record RuleTestResult(String test, List<String> failures) {
    public RuleTestResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
