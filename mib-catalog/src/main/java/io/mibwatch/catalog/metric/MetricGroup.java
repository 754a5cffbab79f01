package io.mibwatch.catalog.metric;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Metrics polled together; one RRD file per group and instance. */
public record MetricGroup(String name, String description, List<MetricDef> metrics) {
    public MetricGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        metrics = List.copyOf(metrics);
        Set<String> seen = new HashSet<>();
        for (MetricDef m : metrics) {
            if (!m.group().equals(name)) {
                throw new IllegalArgumentException("group " + name + " holds metric " + m.name()
                        + " of group " + m.group());
            }
            if (!seen.add(m.name())) {
                throw new IllegalArgumentException("group " + name + ": DS name " + m.name() + " twice");
            }
        }
    }

    public Optional<MetricDef> metric(String dsName) {
        return metrics.stream().filter(m -> m.name().equals(dsName)).findFirst();
    }

    public List<String> dsNames() {
        return metrics.stream().map(MetricDef::name).toList();
    }
}
