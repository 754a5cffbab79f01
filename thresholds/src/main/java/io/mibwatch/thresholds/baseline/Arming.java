package io.mibwatch.thresholds.baseline;

import java.time.Duration;

/**
 * When a baseline is trusted: every slot must hold at least {@code weeks} weeks' worth of
 * samples. For a slot of day kind K, that is
 * {@code weeks * (days of kind K per week) * max(1, slot width / sample step)} samples, e.g.
 * 2 weeks of 5-minute samples in 20-minute slots: weekday 2*5*4 = 40, weekend 2*2*4 = 16,
 * unsplit 2*7*4 = 56. Gaps are not samples, so a slot that lost polls arms later.
 *
 * @param weeks weeks of history required (at least 1)
 */
public record Arming(int weeks) {
    /** Two weeks: one week can be a holiday; two weeks of the same shape is a pattern. */
    public static final Arming DEFAULT = new Arming(2);

    public Arming {
        if (weeks < 1) {
            throw new IllegalArgumentException("arming needs at least 1 week of history, got " + weeks);
        }
    }

    /** The samples a slot of {@code kind} needs. */
    public int minSamples(DayKind kind, SlotWidth width, Duration sampleStep) {
        long perSlotDay = Math.max(1, width.duration().toSeconds() / Math.max(1, sampleStep.toSeconds()));
        return Math.toIntExact(weeks * kind.daysPerWeek() * perSlotDay);
    }
}
