package io.mibwatch.thresholds.baseline;

import java.time.Duration;
import java.time.LocalTime;

/**
 * Width of a time-of-day slot of a baseline: 20 minutes (72 slots a day, fine enough to see a
 * backup window) or 60 minutes (24 slots, more samples per slot).
 */
public enum SlotWidth {
    MIN_20(20),
    MIN_60(60);

    private final int minutes;

    SlotWidth(int minutes) {
        this.minutes = minutes;
    }

    public Duration duration() {
        return Duration.ofMinutes(minutes);
    }

    public int minutes() {
        return minutes;
    }

    public int slotsPerDay() {
        return 24 * 60 / minutes;
    }

    /** The slot (0-based) a local wall-clock time falls in. */
    public int slotOf(LocalTime t) {
        return (t.getHour() * 60 + t.getMinute()) / minutes;
    }

    /** Local start time of a slot. */
    public LocalTime start(int slot) {
        if (slot < 0 || slot >= slotsPerDay()) {
            throw new IllegalArgumentException("slot " + slot + " is outside 0.." + (slotsPerDay() - 1));
        }
        return LocalTime.MIDNIGHT.plusMinutes((long) slot * minutes);
    }

    /** Parses the CLI form {@code 20m} or {@code 60m}. */
    public static SlotWidth parse(String text) {
        return switch (text.trim()) {
            case "20m", "20" -> MIN_20;
            case "60m", "60", "1h" -> MIN_60;
            default -> throw new IllegalArgumentException("slot width '" + text + "': expected 20m or 60m");
        };
    }

    /** The CLI form. */
    public String label() {
        return minutes + "m";
    }
}
