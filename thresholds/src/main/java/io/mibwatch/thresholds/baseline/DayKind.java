package io.mibwatch.thresholds.baseline;

import java.time.DayOfWeek;
import java.util.List;

/**
 * Which days a baseline row describes. Split tables have WEEKDAY and WEEKEND rows (office
 * traffic at 11:00 on a Saturday is not Monday's); unsplit tables have one ALL row.
 */
public enum DayKind {
    WEEKDAY,
    WEEKEND,
    ALL;

    /** The kind a day belongs to. */
    public static DayKind of(DayOfWeek day, boolean splitWeekend) {
        if (!splitWeekend) {
            return ALL;
        }
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? WEEKEND : WEEKDAY;
    }

    /** The kinds a table has. */
    public static List<DayKind> kinds(boolean splitWeekend) {
        return splitWeekend ? List.of(WEEKDAY, WEEKEND) : List.of(ALL);
    }

    /** How many days of this kind a week has. */
    public int daysPerWeek() {
        return switch (this) {
            case WEEKDAY -> 5;
            case WEEKEND -> 2;
            case ALL -> 7;
        };
    }
}
