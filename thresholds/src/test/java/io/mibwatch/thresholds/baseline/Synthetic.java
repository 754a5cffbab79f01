package io.mibwatch.thresholds.baseline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic histories: a known daily shape (low at night, busy office hours) plus seeded noise. */
final class Synthetic {
    private Synthetic() {
    }

    static final Duration STEP = Duration.ofMinutes(5);

    /** Office-like load: 10 at night, 80 from 08:00 to 18:00 on weekdays, 30 by day on weekends. */
    static double shape(ZonedDateTime t) {
        int h = t.getHour();
        boolean weekend = t.getDayOfWeek().getValue() >= 6;
        boolean day = h >= 8 && h < 18;
        return day ? (weekend ? 30 : 80) : 10;
    }

    /** {@code days} days of 5-minute samples ending just before {@code end}; noise +-20 % uniform, seeded. */
    static List<TimedValue> history(Instant end, int days, ZoneId zone, long seed) {
        Random rnd = new Random(seed);
        List<TimedValue> out = new ArrayList<>();
        for (Instant t = end.minus(Duration.ofDays(days)); t.isBefore(end); t = t.plus(STEP)) {
            double base = shape(t.atZone(zone));
            out.add(new TimedValue(t, base * (0.8 + 0.4 * rnd.nextDouble())));
        }
        return out;
    }
}
