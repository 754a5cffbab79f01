package io.mibwatch.simulator.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How busy a network is over a week, as a utilisation level per hour of the day (weekdays), scaled
 * by {@code weekendFactor} on Saturday and Sunday, in a fixed UTC offset. Between hour marks the
 * level moves linearly, so the curve is continuous and its integral has a closed form: counters
 * (the integral of a rate) are exact and cost O(1) for any span, weeks of history included.
 *
 * <p>A fixed offset rather than a zone with daylight saving keeps the week exactly periodic; a
 * one-hour shift twice a year changes nothing a monitoring demo needs.
 */
public final class TrafficShape {

    /** Busy 09-18, quiet nights: a typical office network. Peak 1.0. */
    public static final List<Double> OFFICE_HOURS = List.of(
            0.08, 0.06, 0.05, 0.05, 0.05, 0.06,   // 00-05
            0.10, 0.20, 0.45, 0.85, 0.95, 1.00,   // 06-11
            0.80, 0.90, 1.00, 0.95, 0.85, 0.70,   // 12-17 (lunch dip at 12)
            0.45, 0.30, 0.22, 0.16, 0.12, 0.10);  // 18-23

    public static final TrafficShape DEFAULT = new TrafficShape(ZoneOffset.UTC, OFFICE_HOURS, 0.35);

    static final long HOUR = 3600;
    static final long WEEK = 7 * 24 * HOUR;
    /** 1970-01-05T00:00 was a Monday: week arithmetic starts there. */
    private static final long MONDAY = 4 * 24 * HOUR;

    private final ZoneOffset zone;
    private final List<Double> weekdayHours;
    private final double weekendFactor;
    /** Level at the start of each hour of the week (Monday 00:00 = 0), plus the wrap to the next Monday. */
    private final double[] knots = new double[7 * 24 + 1];
    /** Integral (level x seconds) from Monday 00:00 to the start of each hour of the week. */
    private final double[] prefix = new double[7 * 24 + 1];
    private final double peak;
    private final double low;

    /**
     * @param weekdayHours  24 levels >= 0, one per local hour, for Monday to Friday
     * @param weekendFactor Saturday and Sunday levels are the weekday ones times this (0..1 typically)
     */
    public TrafficShape(ZoneOffset zone, List<Double> weekdayHours, double weekendFactor) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.weekdayHours = List.copyOf(weekdayHours);
        if (this.weekdayHours.size() != 24) {
            throw new IllegalArgumentException("a traffic shape needs 24 hourly levels, got " + weekdayHours.size());
        }
        for (double d : this.weekdayHours) {
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("hourly level must be a finite number >= 0: " + d);
            }
        }
        if (!(weekendFactor >= 0) || Double.isInfinite(weekendFactor)) {
            throw new IllegalArgumentException("weekend factor must be a finite number >= 0: " + weekendFactor);
        }
        this.weekendFactor = weekendFactor;
        for (int h = 0; h < 7 * 24; h++) {
            int day = h / 24; // 0 Monday .. 6 Sunday
            knots[h] = this.weekdayHours.get(h % 24) * (day >= 5 ? weekendFactor : 1.0);
        }
        knots[7 * 24] = knots[0];
        for (int h = 0; h < 7 * 24; h++) {
            prefix[h + 1] = prefix[h] + HOUR * (knots[h] + knots[h + 1]) / 2;
        }
        this.peak = Arrays.stream(knots).max().orElse(0);
        this.low = Arrays.stream(knots).min().orElse(0);
    }

    public ZoneOffset zone() {
        return zone;
    }

    public List<Double> weekdayHours() {
        return weekdayHours;
    }

    public double weekendFactor() {
        return weekendFactor;
    }

    /** The highest level of the week. */
    public double peak() {
        return peak;
    }

    /** The lowest level of the week. */
    public double low() {
        return low;
    }

    /** The level at {@code t}. */
    public double utilisation(Instant t) {
        double x = secondOfWeek(t);
        int h = (int) (x / HOUR);
        double r = x - h * (double) HOUR;
        return knots[h] + (knots[h + 1] - knots[h]) * r / HOUR;
    }

    /** The integral of {@link #utilisation} from {@code from} to {@code to} in level-seconds; negative if to &lt; from. */
    public double integral(Instant from, Instant to) {
        long weeks = weekIndex(to) - weekIndex(from);
        return weeks * prefix[7 * 24] + cumulativeInWeek(secondOfWeek(to)) - cumulativeInWeek(secondOfWeek(from));
    }

    private double cumulativeInWeek(double x) {
        int h = (int) (x / HOUR);
        double r = x - h * (double) HOUR;
        double atR = knots[h] + (knots[h + 1] - knots[h]) * r / HOUR;
        return prefix[h] + r * (knots[h] + atR) / 2;
    }

    private long localSecond(Instant t) {
        return t.getEpochSecond() + zone.getTotalSeconds() - MONDAY;
    }

    private long weekIndex(Instant t) {
        return Math.floorDiv(localSecond(t), WEEK);
    }

    private double secondOfWeek(Instant t) {
        return Math.floorMod(localSecond(t), WEEK) + t.getNano() / 1e9;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficShape s && zone.equals(s.zone) && weekdayHours.equals(s.weekdayHours)
                && Double.compare(weekendFactor, s.weekendFactor) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, weekdayHours, weekendFactor);
    }

    @Override
    public String toString() {
        return "TrafficShape[" + zone + ", weekday " + weekdayHours + ", weekend x" + weekendFactor + "]";
    }
}
