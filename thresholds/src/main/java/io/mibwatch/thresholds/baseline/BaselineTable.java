package io.mibwatch.thresholds.baseline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A learned time-of-day baseline of one series: per day kind (weekday/weekend, or all days)
 * and per slot, the count, mean, p75 and p90 of the history's values. Slots are wall-clock
 * slots in {@code zone}: users' working day follows local time, DST included (on a DST day a
 * slot simply gets one sample more or less).
 *
 * @param width        slot width
 * @param splitWeekend true: WEEKDAY and WEEKEND rows; false: one ALL row
 * @param zone         the zone slots are local to
 * @param sampleStep   the step of the history the table was learned from (for {@link Arming})
 * @param rows         per day kind, one {@link SlotStats} per slot ({@link SlotWidth#slotsPerDay()})
 */
public record BaselineTable(SlotWidth width, boolean splitWeekend, ZoneId zone, Duration sampleStep,
                            Map<DayKind, List<SlotStats>> rows) {

    public BaselineTable {
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(sampleStep, "sampleStep");
        if (sampleStep.isNegative() || sampleStep.isZero()) {
            throw new IllegalArgumentException("sample step must be positive, got " + sampleStep);
        }
        Map<DayKind, List<SlotStats>> copy = new EnumMap<>(DayKind.class);
        for (DayKind k : DayKind.kinds(splitWeekend)) {
            List<SlotStats> r = rows.get(k);
            if (r == null || r.size() != width.slotsPerDay()) {
                throw new IllegalArgumentException("baseline table needs " + width.slotsPerDay() + " " + k
                        + " slots, got " + (r == null ? "none" : r.size()));
            }
            copy.put(k, List.copyOf(r));
        }
        rows = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Learns a table from history. Pure. NaN values (gaps) are skipped; values are assigned to
     * the slot their {@link TimedValue#at()} falls in, in {@code zone}.
     */
    public static BaselineTable compute(List<TimedValue> history, Duration sampleStep, SlotWidth width,
                                        boolean splitWeekend, ZoneId zone) {
        Objects.requireNonNull(history, "history");
        int n = width.slotsPerDay();
        Map<DayKind, List<List<Double>>> buckets = new EnumMap<>(DayKind.class);
        for (DayKind k : DayKind.kinds(splitWeekend)) {
            List<List<Double>> b = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                b.add(new ArrayList<>());
            }
            buckets.put(k, b);
        }
        for (TimedValue tv : history) {
            if (Double.isNaN(tv.value())) {
                continue;
            }
            ZonedDateTime local = tv.at().atZone(zone);
            DayKind kind = DayKind.of(local.getDayOfWeek(), splitWeekend);
            buckets.get(kind).get(width.slotOf(local.toLocalTime())).add(tv.value());
        }
        Map<DayKind, List<SlotStats>> rows = new EnumMap<>(DayKind.class);
        buckets.forEach((kind, b) -> {
            List<SlotStats> stats = new ArrayList<>(n);
            for (List<Double> values : b) {
                stats.add(SlotStats.of(values.stream().mapToDouble(Double::doubleValue).toArray()));
            }
            rows.put(kind, stats);
        });
        return new BaselineTable(width, splitWeekend, zone, sampleStep, rows);
    }

    /** The day kind of an instant for this table. */
    public DayKind kindAt(Instant at) {
        DayOfWeek d = at.atZone(zone).getDayOfWeek();
        return DayKind.of(d, splitWeekend);
    }

    /** The slot index of an instant. */
    public int slotAt(Instant at) {
        return width.slotOf(at.atZone(zone).toLocalTime());
    }

    /** The statistics of the slot {@code at} falls in. */
    public SlotStats at(Instant at) {
        return rows.get(kindAt(at)).get(slotAt(at));
    }

    /** True when every slot of every row holds at least {@code minSamplesPerSlot} samples. */
    public boolean armed(int minSamplesPerSlot) {
        return rows.values().stream().flatMap(List::stream).allMatch(s -> s.count() >= minSamplesPerSlot);
    }

    /** True when every slot holds the samples {@code arming} requires for its day kind. */
    public boolean armed(Arming arming) {
        for (Map.Entry<DayKind, List<SlotStats>> e : rows.entrySet()) {
            int min = arming.minSamples(e.getKey(), width, sampleStep);
            if (e.getValue().stream().anyMatch(s -> s.count() < min)) {
                return false;
            }
        }
        return true;
    }

    public BaselineState state(Arming arming) {
        return armed(arming) ? BaselineState.ARMED : BaselineState.LEARNING;
    }

    /** The fewest samples any slot has (what "learning" waits on). */
    public int minCount() {
        return rows.values().stream().flatMap(List::stream).mapToInt(SlotStats::count).min().orElse(0);
    }
}
