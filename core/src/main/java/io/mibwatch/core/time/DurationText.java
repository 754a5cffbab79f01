package io.mibwatch.core.time;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way durations are written, in mibwatch.yaml, on the command line, in the web API, in
 * scenario files and in the metric catalog: whole numbers with a unit, {@code ms s m h d w}
 * (a day is 24 hours, a week 7 days), alone or combined in decreasing unit order, each unit at
 * most once: {@code 500ms}, {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 2d12h}, {@code 1w}.
 *
 * <ul>
 *   <li>Units are lower case only: {@code M} is months to many readers and {@code MS} is
 *       unusual, so neither is guessed at.</li>
 *   <li>Whitespace around the text, and between a number and its unit or between parts, is
 *       ignored: {@code " 5 s "} and {@code "1h 30m"} are durations.</li>
 *   <li>Each number has at most 9 digits, so no sum overflows {@link Duration} nor its
 *       {@link Duration#toMillis() milliseconds}. Signs and fractions are not durations.</li>
 *   <li>A bare whole number means seconds only through {@link #parseOrSeconds}, for the files
 *       that always accepted it (mibwatch.yaml, scenario files).</li>
 * </ul>
 *
 * <p>Zero ({@code 0s}) is a duration; callers that need a positive one or a maximum check it and
 * name their own place (key path, option, API field) in the message, with {@link #EXAMPLES}.
 */
public final class DurationText {

    /** What to show the user next to a refused value. */
    public static final String EXAMPLES = "e.g. 500ms, 90s, 5m, 1h30m, 2d, 1w";
    /** {@link #EXAMPLES} where {@link #parseOrSeconds} is used. */
    public static final String EXAMPLES_OR_SECONDS = EXAMPLES + ", or a whole number of seconds";

    /** The units, longest first: the order in which they may be combined. */
    private enum Unit {
        W("w", Duration.ofDays(7)), D("d", Duration.ofDays(1)), H("h", Duration.ofHours(1)),
        M("m", Duration.ofMinutes(1)), S("s", Duration.ofSeconds(1)), MS("ms", Duration.ofMillis(1));

        final String symbol;
        final long millis;

        Unit(String symbol, Duration length) {
            this.symbol = symbol;
            this.millis = length.toMillis();
        }

        static Unit of(String symbol) {
            for (Unit u : values()) {
                if (u.symbol.equals(symbol)) {
                    return u;
                }
            }
            throw new IllegalStateException(symbol);
        }
    }

    /** One part; "ms" before "m" so that 5ms is milliseconds. */
    private static final Pattern PART = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d|w)\\s*");
    private static final Pattern BARE_SECONDS = Pattern.compile("\\d{1,9}");

    private DurationText() {
    }

    /** The duration written as {@code text}, or empty when it is not one (null included). */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        Matcher m = PART.matcher(t);
        long millis = 0;
        int pos = 0;
        int next = 0;
        while (pos < t.length()) {
            m.region(pos, t.length());
            if (!m.lookingAt()) {
                return Optional.empty();
            }
            Unit u = Unit.of(m.group(2));
            if (u.ordinal() < next) {
                return Optional.empty();
            }
            millis += Long.parseLong(m.group(1)) * u.millis;
            next = u.ordinal() + 1;
            pos = m.end();
        }
        return pos == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }

    /** As {@link #parse}, and a bare whole number ({@code 90}) is seconds. */
    public static Optional<Duration> parseOrSeconds(String text) {
        if (text != null && BARE_SECONDS.matcher(text.strip()).matches()) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text.strip())));
        }
        return parse(text);
    }

    /**
     * The shortest text {@link #parse} reads back as {@code d}, to the millisecond (finer parts
     * are dropped): {@code 500ms}, {@code 90s}, {@code 2m}, {@code 1d1s}, {@code 0s}. Of two
     * forms of the same length the single-unit one wins ({@code 25h} rather than {@code 1d1h}).
     */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        String single = null;
        StringBuilder parts = new StringBuilder();
        long rest = ms;
        for (Unit u : Unit.values()) {
            if (single == null && ms % u.millis == 0) {
                single = ms / u.millis + u.symbol;
            }
            if (rest >= u.millis) {
                parts.append(rest / u.millis).append(u.symbol);
                rest %= u.millis;
            }
        }
        return parts.length() < single.length() ? parts.toString() : single;
    }
}
