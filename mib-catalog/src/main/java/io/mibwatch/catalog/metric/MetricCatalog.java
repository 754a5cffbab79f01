package io.mibwatch.catalog.metric;

import io.mibwatch.catalog.profile.DeviceProfiles;
import io.mibwatch.catalog.threshold.ReferenceThresholds;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The metric catalog: metric groups, device profiles and reference thresholds, loaded
 * from the YAML data files under {@code io/mibwatch/catalog/} ({@link CatalogLoader}).
 * Immutable.
 */
public final class MetricCatalog {

    private final List<MetricGroup> groups;
    private final DeviceProfiles profiles;
    private final ReferenceThresholds thresholds;

    public MetricCatalog(List<MetricGroup> groups, DeviceProfiles profiles, ReferenceThresholds thresholds) {
        this.groups = List.copyOf(groups);
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /** The catalog shipped in this jar, loaded and validated once. Throws {@link CatalogException} if invalid. */
    public static MetricCatalog standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final MetricCatalog STANDARD = CatalogLoader.fromClasspath();
    }

    public List<MetricGroup> groups() {
        return groups;
    }

    /**
     * The names of the standard groups ({@link MetricGroup#standard()}) in catalog order: the
     * groups a device's {@code metrics:} can name in mibwatch.yaml, all of them when it is not set.
     */
    public List<String> standardGroups() {
        return groups.stream().filter(MetricGroup::standard).map(MetricGroup::name).toList();
    }

    public Optional<MetricGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** DS names of each group, in catalog order (the RRD layout of the group's files). */
    public Map<String, List<String>> dsNamesByGroup() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (MetricGroup g : groups) {
            out.put(g.name(), g.dsNames());
        }
        return Collections.unmodifiableMap(out);
    }

    public DeviceProfiles profiles() {
        return profiles;
    }

    public ReferenceThresholds thresholds() {
        return thresholds;
    }
}
