/** {@code mibwatch rules test FILE}: promtool-style rule unit test files, their parser and a pure runner. */
package io.mibwatch.thresholds.ruletest;
