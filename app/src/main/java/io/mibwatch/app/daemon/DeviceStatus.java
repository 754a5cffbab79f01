package io.mibwatch.app.daemon;

import java.time.Duration;
import java.time.Instant;

/**
 * What the daemon knows about a device's polling, for the CLI, the UI and the log:
 * reachable or not, since when, how long polls take, how many failed.
 * {@code lastError} is the last cycle's failure, or for a reachable device the part of its last
 * cycle that failed (planned OIDs answered with the wrong type); null when the last cycle was clean.
 * {@code failures} counts both.
 */
public record DeviceStatus(String device, boolean reachable, Instant lastPoll, Duration lastDuration,
                           int consecutiveFailures, String lastError, long cycles, long failures, long samples) {

    static DeviceStatus initial(String device) {
        return new DeviceStatus(device, false, null, Duration.ZERO, 0, null, 0, 0, 0);
    }
}
