package io.mibwatch.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code services:} section of mibwatch.yaml: named groups of metrics with an Apdex target
 * each. Validated, still in config terms: unit conversion of targets to a metric's
 * stored unit happens where the metric catalog is known.
 */
public record ServicesConfig(List<Service> services) {

    public static final ServicesConfig NONE = new ServicesConfig(List.of());

    public ServicesConfig {
        services = List.copyOf(services);
    }

    public Optional<Service> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * @param window       Apdex evaluation window (default 5m)
     * @param workingHours when users count as active without reported active periods (empty: always)
     * @param alert        alert when Apdex stays below a level (empty: no alert)
     */
    public record Service(String name, List<Member> members, Duration window, Optional<WorkingHours> workingHours,
                          Optional<ApdexAlert> alert) {
        public Service {
            Objects.requireNonNull(name, "name");
            members = List.copyOf(members);
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(workingHours, "workingHours");
            Objects.requireNonNull(alert, "alert");
        }
    }

    /**
     * One metric of a service.
     *
     * @param series        GROUP/INSTANCE/METRIC, as the CLI writes series
     * @param target        the Apdex target T
     * @param lowerIsBetter true for latency-like metrics (the Apdex spec's case)
     */
    public record Member(String device, String series, Target target, boolean lowerIsBetter) {
        public Member {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * A target as written: a number, with a time unit ({@code us, ms, s}) or none (then it is in
     * the metric's own unit).
     */
    public record Target(double value, Optional<String> unit) {
        public Target {
            Objects.requireNonNull(unit, "unit");
        }

        /** The value in milliseconds, when written with a time unit. */
        public Optional<Double> millis() {
            return unit.map(u -> switch (u) {
                case "us" -> value / 1000.0;
                case "ms" -> value;
                case "s" -> value * 1000.0;
                default -> throw new IllegalStateException("unit " + u);
            });
        }

        @Override
        public String toString() {
            return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value))
                    + unit.orElse("");
        }
    }

    /** Days and hours of the working week in a zone, e.g. "Mon-Fri 08:00-18:00" Europe/Paris. */
    public record WorkingHours(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {
        public WorkingHours {
            days = Set.copyOf(EnumSet.copyOf(days));
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(zone, "zone");
        }
    }

    /** Alert when the Apdex is below {@code below} for at least {@code forDuration}. */
    public record ApdexAlert(double below, Duration forDuration) {
    }
}
