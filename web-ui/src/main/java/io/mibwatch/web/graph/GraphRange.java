package io.mibwatch.web.graph;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ranges a graph offers and the row width each asks the store for. The widths follow the
 * stock RRA layout (1-minute rows for 2 days, 5-minute for 2 weeks, 1-hour for
 * 3 months, 1-day for 3 years) so each range is answered from one archive with a few hundred
 * points: enough for a screen, small enough for a phone.
 *
 * <p>A week asks for 30-minute rows: the store answers with the finest archive at least that
 * coarse (1-hour rows, 168 points) rather than 2016 five-minute rows. A month asks for 1-hour
 * rows (720 points); the 1-day archive would leave only 30.
 *
 * @param label      the API/URL form ("1d")
 * @param span       how far back from now the graph starts
 * @param resolution the row width asked for (the store may answer coarser)
 * @param slot       the baseline slot width the band uses at this range, empty when a band
 *                   would be meaningless (a year of daily rows has no time of day)
 */
public enum GraphRange {
    HOUR("1h", Duration.ofHours(1), Duration.ofMinutes(1), Optional.of("20m")),
    DAY("1d", Duration.ofDays(1), Duration.ofMinutes(5), Optional.of("20m")),
    WEEK("1w", Duration.ofDays(7), Duration.ofMinutes(30), Optional.of("60m")),
    MONTH("1m", Duration.ofDays(30), Duration.ofHours(1), Optional.of("60m")),
    YEAR("1y", Duration.ofDays(365), Duration.ofDays(1), Optional.empty());

    private final String label;
    private final Duration span;
    private final Duration resolution;
    private final Optional<String> slot;

    GraphRange(String label, Duration span, Duration resolution, Optional<String> slot) {
        this.label = label;
        this.span = span;
        this.resolution = resolution;
        this.slot = slot;
    }

    public String label() {
        return label;
    }

    public Duration span() {
        return span;
    }

    public Duration resolution() {
        return resolution;
    }

    /** The baseline slot width ("20m"/"60m") drawn at this range, empty for none. */
    public Optional<String> slot() {
        return slot;
    }

    /**
     * Parses the {@code range} query parameter.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static GraphRange parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (GraphRange r : values()) {
            if (r.label.equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("range '" + text + "': expected one of "
                + Arrays.stream(values()).map(GraphRange::label).collect(Collectors.joining(", ")));
    }
}
