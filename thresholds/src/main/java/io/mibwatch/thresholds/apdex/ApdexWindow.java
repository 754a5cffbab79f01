package io.mibwatch.thresholds.apdex;

import java.time.Instant;

/** The Apdex of one evaluation window [from, to). */
public record ApdexWindow(Instant from, Instant to, ApdexResult result) {
}
