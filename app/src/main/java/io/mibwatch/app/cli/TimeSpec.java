package io.mibwatch.app.cli;

import io.mibwatch.core.time.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Times on the command line, as rrdtool users write them: {@code now}, a relative
 * {@code -1h}/{@code -30m}/{@code -2d}/{@code -1w}/{@code -90s}/{@code -1h30m} (minus a
 * {@link DurationText duration}), epoch seconds, or ISO-8601 ({@code 2026-11-21T08:00:00Z}, or
 * local time without zone).
 */
final class TimeSpec {
    private TimeSpec() {
    }

    /**
     * The time written as {@code text}.
     *
     * @throws IllegalArgumentException naming the text ({@code 'TEXT': what is wrong}) when it is
     *                                  not a time, or is before 1970, where stored time begins
     */
    static Instant parse(String text, Instant now, ZoneId zone) {
        Instant at = read(text.trim(), now, zone)
                .orElseThrow(() -> new IllegalArgumentException("'" + text
                        + "': expected now, minus a duration (-1h, -30m, -1h30m, -2d, -1w; at most 9 digits a number), "
                        + "epoch seconds or ISO-8601 like 2026-11-21T08:00:00Z"));
        // RRD files count seconds since 1970, as rrdtool does: nothing stored is older
        if (at.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("'" + text + "' is " + at + ", before 1970-01-01T00:00:00Z: no data is that old");
        }
        return at;
    }

    /** As {@link #parse}, for the value of {@code option}: a bad time is a usage error naming both. */
    static Instant option(String option, String text, Instant now, ZoneId zone) {
        try {
            return parse(text, now, zone);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(option + " " + e.getMessage(), ExitCodes.USAGE);
        }
    }

    private static Optional<Instant> read(String t, Instant now, ZoneId zone) {
        if (t.equalsIgnoreCase("now")) return Optional.of(now);
        Optional<Duration> ago = t.startsWith("-") ? DurationText.parse(t.substring(1)) : Optional.empty();
        if (ago.isPresent()) return Optional.of(now.minus(ago.get()));
        if (t.matches("\\d{9,11}")) return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(t).atZone(zone).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
