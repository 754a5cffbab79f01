package io.mibwatch.thresholds.baseline;

import java.time.Duration;

/**
 * When a baseline is trusted: every slot must hold {@code percent} % of {@code weeks} weeks'
 * worth of samples. For a slot of day kind K, "weeks' worth" is
 * {@code weeks * (days of kind K per week) * max(1, slot width / sample step)}, e.g. 2 weeks
 * of 5-minute samples in 20-minute slots: weekday 2*5*4 = 40, weekend 2*2*4 = 16, unsplit
 * 2*7*4 = 56. Gaps are not samples.
 *
 * <p>Why a percentage below 100 by default: the stock RRD layout keeps 5-minute rows for
 * exactly 14 days, so a 20-minute baseline can never see more than two weeks' worth; with no
 * tolerance one lost poll (or the current, still incomplete row) would keep it learning
 * forever. 90 % tolerates about a day and a half of gaps over two weeks.
 *
 * @param weeks   weeks of history required (at least 1)
 * @param percent share of those samples each slot needs, 1..100
 */
public record Arming(int weeks, int percent) {
    /** Two weeks (one week can be a holiday; two of the same shape is a pattern) at 90 %. */
    public static final Arming DEFAULT = new Arming(2, 90);

    public Arming {
        if (weeks < 1) {
            throw new IllegalArgumentException("arming needs at least 1 week of history, got " + weeks);
        }
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("arming share must be 1..100 %, got " + percent);
        }
    }

    public static Arming weeks(int weeks) {
        return new Arming(weeks, DEFAULT.percent());
    }

    /** The samples a slot of {@code kind} needs: ceil(percent % of the weeks' worth). */
    public int minSamples(DayKind kind, SlotWidth width, Duration sampleStep) {
        long perSlotDay = Math.max(1, width.duration().toSeconds() / Math.max(1, sampleStep.toSeconds()));
        long full = (long) weeks * kind.daysPerWeek() * perSlotDay;
        return Math.toIntExact((full * percent + 99) / 100);
    }
}
