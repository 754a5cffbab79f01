package io.mibwatch.catalog.metric;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Metrics polled together; one RRD file per group and instance.
 *
 * @param label     where the instance's human name comes from, if the table has one
 * @param rowFilter which rows of the table belong to the group (all if empty)
 * @param standard  true for the groups every device polls unless its config lists fewer (the config's
 *                  {@code metrics:} can name only these); other groups are polled where the device
 *                  profile lists them
 */
public record MetricGroup(String name, String description, List<MetricDef> metrics, Optional<Label> label,
                          Optional<RowFilter> rowFilter, boolean standard) {
    public MetricGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(rowFilter, "rowFilter");
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
        for (MetricDef m : metrics) {
            for (String input : m.conversion().inputs()) {
                MetricDef in = metrics.stream().filter(x -> x.name().equals(input)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("group " + name + ": derived metric "
                                + m.name() + " needs metric '" + input + "', which the group does not have"));
                if (in.derived()) {
                    throw new IllegalArgumentException("group " + name + ": derived metric " + m.name()
                            + " is computed from derived metric " + input + "; only polled inputs are supported");
                }
            }
        }
    }

    /** A group without label or row filter, polled where a device profile lists it. */
    public MetricGroup(String name, String description, List<MetricDef> metrics) {
        this(name, description, metrics, Optional.empty(), Optional.empty(), false);
    }

    public Optional<MetricDef> metric(String dsName) {
        return metrics.stream().filter(m -> m.name().equals(dsName)).findFirst();
    }

    public List<String> dsNames() {
        return metrics.stream().map(MetricDef::name).toList();
    }

    /** The metrics the poller GETs (not derived). */
    public List<MetricDef> polled() {
        return metrics.stream().filter(m -> !m.derived()).toList();
    }
}
