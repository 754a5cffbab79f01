package io.mibwatch.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times on the command line, as rrdtool users write them: {@code now}, a relative
 * {@code -1h}/{@code -30m}/{@code -2d}/{@code -1w}/{@code -90s}, epoch seconds, or
 * ISO-8601 ({@code 2026-11-21T08:00:00Z}, or local time without zone).
 */
final class TimeSpec {
    private static final Pattern RELATIVE = Pattern.compile("-(\\d+)([smhdw])");

    private TimeSpec() {
    }

    static Instant parse(String text, Instant now, ZoneId zone) {
        String t = text.trim();
        if (t.equalsIgnoreCase("now")) return now;
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return now.minus(d);
        }
        if (t.matches("\\d{9,11}")) return Instant.ofEpochSecond(Long.parseLong(t));
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("time '" + text
                        + "': expected now, -1h/-30m/-2d/-1w, epoch seconds or ISO-8601 like 2026-11-21T08:00:00Z");
            }
        }
    }
}
