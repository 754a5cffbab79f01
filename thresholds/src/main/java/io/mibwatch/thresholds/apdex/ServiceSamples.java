package io.mibwatch.thresholds.apdex;

import io.mibwatch.config.ServicesConfig;
import io.mibwatch.core.series.Sample;
import io.mibwatch.thresholds.rule.MetricUnits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored history of a service's members, read for Apdex and the red button (the CLI and
 * the web read it the same way).
 *
 * @param samples per member in config order; an empty list for a member never stored
 * @param missing the members never stored ({@code device:group/instance/metric})
 */
public record ServiceSamples(Map<MemberTarget, List<Sample>> samples, List<String> missing) {

    public ServiceSamples {
        samples = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(samples));
        missing = List.copyOf(missing);
    }

    /**
     * @throws IllegalArgumentException naming {@code services.NAME.members[i]} when a member's
     *                                  target cannot be converted to its metric's unit
     */
    public static ServiceSamples read(ServicesConfig.Service s, MetricUnits units, SampleSource source, Instant from,
                                      Instant to) {
        Map<MemberTarget, List<Sample>> samples = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < s.members().size(); i++) {
            MemberTarget m = MemberTarget.of(s.members().get(i), units, "services." + s.name() + ".members[" + i + "]");
            Optional<List<Sample>> got = source.samples(m.series(), from, to);
            if (got.isEmpty()) {
                missing.add(m.series().toString());
            }
            samples.put(m, got.orElse(List.of()));
        }
        return new ServiceSamples(samples, missing);
    }
}
