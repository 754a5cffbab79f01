package io.mibwatch.thresholds.apdex;

import io.mibwatch.config.ServicesConfig;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.rule.MetricUnits;
import java.util.Objects;
import java.util.Optional;

/** One service member resolved for scoring: its series and its target in the series' stored unit. */
public record MemberTarget(SeriesId series, Target target) {

    public MemberTarget {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(target, "target");
    }

    /**
     * Resolves a configured member. A target written with a time unit ({@code 150ms}) is converted
     * to the metric's unit (ms or s in the catalog); a plain number is taken as the metric's unit.
     *
     * @param where names the member in errors, e.g. {@code services[0].members[1]}
     * @throws IllegalArgumentException when a time target is given for a metric that is not a time
     */
    public static MemberTarget of(ServicesConfig.Member m, MetricUnits units, String where) {
        SeriesId id;
        try {
            id = SeriesId.parse(m.device(), m.series());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".series: " + e.getMessage(), e);
        }
        double t = m.target().value();
        Optional<Double> millis = m.target().millis();
        if (millis.isPresent()) {
            Optional<String> unit = units.unitOf(id.group(), id.metric());
            double perMs = switch (unit.orElse("")) {
                case "ms" -> 1.0;
                case "s" -> 0.001;
                case "us" -> 1000.0;
                default -> throw new IllegalArgumentException(where + ".t: " + m.target() + ": a time target, but "
                        + id.group() + "/" + id.metric() + " is measured in "
                        + unit.map(u -> "'" + u + "'").orElse("an unknown unit")
                        + "; give a plain number in the metric's unit");
            };
            t = millis.get() * perMs;
        }
        return new MemberTarget(id, new Target(t, m.lowerIsBetter()));
    }
}
