package io.mibwatch.app.cli;

import io.mibwatch.core.time.DurationText;
import java.time.Duration;

/**
 * A duration given on the command line ({@code --for 1h30m}, {@code --window 5m}), written as
 * everywhere else in mibwatch ({@link DurationText}). A bad value is a usage error naming the
 * option and the value.
 */
final class DurationOption {

    private DurationOption() {
    }

    /** A duration longer than zero. */
    static Duration positive(String option, String text) {
        return atLeast(option, text, Duration.ofMillis(1));
    }

    /** A duration of at least {@code min} (positive {@code min}). */
    static Duration atLeast(String option, String text, Duration min) {
        Duration d = DurationText.parse(text).orElseThrow(() -> new CliFailure(
                option + " '" + text + "': not a duration (" + DurationText.EXAMPLES + ")", ExitCodes.USAGE));
        if (d.compareTo(min) < 0) {
            throw new CliFailure(option + " '" + text + "': must be at least " + DurationText.format(min),
                    ExitCodes.USAGE);
        }
        return d;
    }
}
