package io.mibwatch.thresholds.redbutton;

import io.mibwatch.config.ServicesConfig;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When users use a service. Reported active periods win; a service without any reported
 * period falls back to its configured working hours; without those either, always active.
 */
public final class Activity {

    private final List<ActivePeriod> periods;
    private final Optional<ServicesConfig.WorkingHours> hours;

    public Activity(List<ActivePeriod> periods, Optional<ServicesConfig.WorkingHours> hours) {
        this.periods = List.copyOf(periods);
        this.hours = hours;
    }

    /** Was {@code user} active at {@code t}? A user without periods of their own counts by the service's. */
    public boolean active(String user, Instant t) {
        List<ActivePeriod> own = periods.stream().filter(p -> p.user().equals(user)).toList();
        if (!own.isEmpty()) {
            return own.stream().anyMatch(p -> p.contains(t));
        }
        return anyActive(t);
    }

    /** Was anyone active at {@code t} (the population of "normal" time)? */
    public boolean anyActive(Instant t) {
        if (!periods.isEmpty()) {
            return periods.stream().anyMatch(p -> p.contains(t));
        }
        return hours.map(h -> inHours(h, t)).orElse(true);
    }

    static boolean inHours(ServicesConfig.WorkingHours h, Instant t) {
        ZonedDateTime z = t.atZone(h.zone());
        return h.days().contains(z.getDayOfWeek()) && !z.toLocalTime().isBefore(h.from())
                && z.toLocalTime().isBefore(h.to());
    }
}
