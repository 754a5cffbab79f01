package io.mibwatch.config;

import java.time.Duration;

/**
 * Polling defaults that every device inherits unless it sets its own.
 * The stock values are what users of other NMSes expect: 60 s interval,
 * 5 s timeout, 2 retries, GETBULK max-repetitions 25.
 */
public record Defaults(Duration interval, Duration timeout, int retries, int maxRepetitions,
                       int maxOutstanding) {
    public static final Defaults STOCK =
            new Defaults(Duration.ofSeconds(60), Duration.ofSeconds(5), 2, 25, 4);
}
