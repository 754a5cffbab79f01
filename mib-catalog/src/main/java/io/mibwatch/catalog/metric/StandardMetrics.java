package io.mibwatch.catalog.metric;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metric groups of the shipped catalog ({@link MetricCatalog#standard()}); kept as a
 * short way in for the callers that only need the groups. The definitions themselves are
 * data: {@code io/mibwatch/catalog/groups/*.yaml}, whose OIDs the catalog test checks
 * against the MIB text.
 */
public final class StandardMetrics {

    private StandardMetrics() {
    }

    /** All groups, in a stable order. */
    public static List<MetricGroup> groups() {
        return MetricCatalog.standard().groups();
    }

    public static Optional<MetricGroup> group(String name) {
        return MetricCatalog.standard().group(name);
    }

    /** DS names of each group, in catalog order (the RRD layout of the group's files). */
    public static Map<String, List<String>> dsNamesByGroup() {
        return MetricCatalog.standard().dsNamesByGroup();
    }
}
