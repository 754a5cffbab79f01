package io.mibwatch.catalog.threshold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reference thresholds of the catalog, looked up by group and metric. Immutable. */
public final class ReferenceThresholds {

    private final Map<String, Reference> byKey;

    public ReferenceThresholds(List<Reference> references) {
        Map<String, Reference> m = new LinkedHashMap<>();
        for (Reference r : references) {
            if (m.putIfAbsent(key(r.group(), r.metric()), r) != null) {
                throw new IllegalArgumentException("two reference thresholds for " + r.group() + "/" + r.metric());
            }
        }
        this.byKey = java.util.Collections.unmodifiableMap(m);
    }

    public Optional<Reference> forMetric(String group, String metric) {
        return Optional.ofNullable(byKey.get(key(group, metric)));
    }

    /** All references in catalog order. */
    public List<Reference> all() {
        return List.copyOf(byKey.values());
    }

    private static String key(String group, String metric) {
        return group + "/" + metric;
    }
}
