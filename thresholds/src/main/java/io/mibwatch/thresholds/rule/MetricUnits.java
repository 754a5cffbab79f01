package io.mibwatch.thresholds.rule;

import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.catalog.metric.MetricDef;
import io.mibwatch.catalog.metric.MetricGroup;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The unit of a metric, to find the percentage metrics the percentage default applies to. */
@FunctionalInterface
public interface MetricUnits {

    Optional<String> unitOf(String group, String metric);

    /** Units as the catalog defines them. */
    static MetricUnits of(MetricCatalog catalog) {
        Map<String, String> units = new HashMap<>();
        for (MetricGroup g : catalog.groups()) {
            for (MetricDef m : g.metrics()) {
                units.put(g.name() + "/" + m.name(), m.unit());
            }
        }
        return (group, metric) -> Optional.ofNullable(units.get(group + "/" + metric));
    }
}
