package io.mibwatch.simulator.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in scenario files: the units of mibwatch.yaml ({@code 500ms, 5s, 1m, 1h},
 * a bare whole number = seconds) plus days and sums of parts ({@code 1m30s}, {@code 2d}), because
 * scenario offsets are often "ninety seconds in" or "on day three".
 */
final class ScenarioDuration {

    static final String EXAMPLES = "e.g. 0s, 500ms, 90s, 2m, 1m30s, 1h, 2d, or a whole number of seconds";

    private static final Pattern WHOLE = Pattern.compile("(\\d{1,9}(ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private ScenarioDuration() {
    }

    /** The duration, or null when the text is not one. */
    static Duration parse(String text) {
        String t = text.trim();
        if (t.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        if (!WHOLE.matcher(t).matches()) {
            return null;
        }
        Duration d = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> throw new IllegalStateException(m.group(2));
            });
        }
        return d;
    }
}
