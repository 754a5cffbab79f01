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

    static Instant parse(String text, Instant now, ZoneId zone) {
        String t = text.trim();
        if (t.equalsIgnoreCase("now")) return now;
        Optional<Duration> ago = t.startsWith("-") ? DurationText.parse(t.substring(1)) : Optional.empty();
        if (ago.isPresent()) return now.minus(ago.get());
        if (t.matches("\\d{9,11}")) return Instant.ofEpochSecond(Long.parseLong(t));
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("time '" + text
                        + "': expected now, minus a duration (-1h, -30m, -1h30m, -2d, -1w), epoch seconds "
                        + "or ISO-8601 like 2026-11-21T08:00:00Z");
            }
        }
    }
}
