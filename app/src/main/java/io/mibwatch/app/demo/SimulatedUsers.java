package io.mibwatch.app.demo;

import io.mibwatch.thresholds.redbutton.ActivePeriod;
import io.mibwatch.thresholds.redbutton.Complaint;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Users of a service who press the red button when it is bad: the complaints and active periods
 * the demo seeds and the end-to-end tests record through the CLI. Pure and seeded: the same
 * inputs give the same plan.
 *
 * <p>Each user works the same hours on weekdays (an active period per working day). While the
 * service is degraded, each user at work complains with probability {@link #COMPLAIN_CHANCE},
 * once per degradation (the red button's rate limit would drop a second press anyway), some
 * minutes into it ({@link #complaintTime}); on each working day one complaint in three is
 * unrelated to any degradation ("everything is slow today"), as real users do - the analysis must
 * see through that.
 */
public final class SimulatedUsers {

    /** Chance that a user at work complains about one degradation. */
    public static final double COMPLAIN_CHANCE = 0.6;

    /** A time the service was bad. */
    public record Window(Instant from, Instant to) {
        public Window {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("window from " + from + " is not before " + to);
            }
        }

        boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** What the users did: active periods and complaints, oldest first. */
    public record Plan(List<ActivePeriod> active, List<Complaint> complaints) {
        public Plan {
            active = List.copyOf(active);
            complaints = List.copyOf(complaints);
        }
    }

    /**
     * @param users    names of the users
     * @param workFrom start of the working day (local, in {@code zone})
     * @param workTo   end of the working day
     */
    public record Office(List<String> users, LocalTime workFrom, LocalTime workTo, ZoneId zone) {
        public Office {
            users = List.copyOf(users);
            Objects.requireNonNull(zone, "zone");
            if (users.isEmpty() || !workFrom.isBefore(workTo)) {
                throw new IllegalArgumentException("an office needs users and a working day, got " + users + " "
                        + workFrom + "-" + workTo);
            }
        }
    }

    private SimulatedUsers() {
    }

    /**
     * When a user complains about a degradation: 10 minutes in, plus up to a quarter of what is
     * left after that (users notice, then wait a little before pressing). For windows of 15 minutes
     * or more the analysis window around the complaint ([c - 10m, c + 5m] by default) lies inside
     * the degradation.
     */
    static Instant complaintTime(Window w, double u) {
        Duration len = Duration.between(w.from(), w.to());
        Duration first = len.compareTo(Duration.ofMinutes(15)) >= 0 ? Duration.ofMinutes(10) : len.multipliedBy(2).dividedBy(3);
        Duration rest = len.minus(first).minus(Duration.ofMinutes(5));
        long extra = rest.isNegative() ? 0 : (long) (rest.toMillis() * 0.25 * u);
        return w.from().plus(first).plusMillis(extra);
    }

    /** The users' plan over {@code [from, to)} for the service's degraded windows. */
    public static Plan plan(String service, Office office, List<Window> degraded, Instant from, Instant to, long seed) {
        Random rnd = new Random(seed);
        List<ActivePeriod> active = new ArrayList<>();
        List<Window> workdays = new ArrayList<>();
        for (LocalDate day = from.atZone(office.zone()).toLocalDate(); !day.atStartOfDay(office.zone()).toInstant().isAfter(to);
             day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            Instant a = max(from, day.atTime(office.workFrom()).atZone(office.zone()).toInstant());
            Instant b = min(to, day.atTime(office.workTo()).atZone(office.zone()).toInstant());
            if (a.isBefore(b)) {
                workdays.add(new Window(a, b));
                for (String u : office.users()) {
                    active.add(new ActivePeriod(u, service, a, b));
                }
            }
        }
        List<Complaint> complaints = new ArrayList<>();
        for (Window w : degraded) {
            for (String u : office.users()) {
                double roll = rnd.nextDouble();
                Instant c = complaintTime(w, rnd.nextDouble());
                boolean atWork = workdays.stream().anyMatch(d -> d.contains(c));
                if (atWork && roll < COMPLAIN_CHANCE && !c.isBefore(from) && c.isBefore(to)) {
                    complaints.add(new Complaint(u, service, c));
                }
            }
        }
        for (Window d : workdays) {
            if (rnd.nextDouble() < 1.0 / 3) {
                Instant c = d.from().plusMillis((long) (rnd.nextDouble() * Duration.between(d.from(), d.to()).toMillis()));
                if (degraded.stream().noneMatch(w -> w.contains(c))) {
                    complaints.add(new Complaint(office.users().get(rnd.nextInt(office.users().size())), service, c));
                }
            }
        }
        complaints.sort(Comparator.comparing(Complaint::at));
        return new Plan(active, complaints);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
