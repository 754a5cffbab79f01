package io.mibwatch.thresholds.ruletest;

/** A rule test file is invalid; the message names the file, the key path and the value. */
public final class RuleTestException extends RuntimeException {
    public RuleTestException(String message) {
        super(message);
    }
}
