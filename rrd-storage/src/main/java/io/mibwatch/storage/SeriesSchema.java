package io.mibwatch.storage;

import io.mibwatch.core.series.SeriesId;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which metrics each group has, i.e. which data sources a group's RRD file gets.
 *
 * <p>One file per (device, group, instance) holding every metric of the group saves disk and file
 * handles (one file per interface holds all its metrics), but RRD fixes the data-source set at
 * file creation, so the set must be known up front: that is this schema. Groups not listed here
 * still get stored, one file per series.
 *
 * @param metricsByGroup group name to its metrics, in data-source order
 */
public record SeriesSchema(Map<String, List<String>> metricsByGroup) {

    /**
     * RRD4J stores data-source names in fixed 20-character slots (and rrdtool allows 19); a longer
     * name would be cut silently and then never match again, so it is refused up front.
     */
    public static final int MAX_DS_NAME_LENGTH = 20;

    public SeriesSchema {
        Objects.requireNonNull(metricsByGroup, "metricsByGroup");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : metricsByGroup.entrySet()) {
            String group = e.getKey();
            List<String> metrics = e.getValue();
            if (group == null || metrics == null) {
                throw new IllegalArgumentException("series schema: null group or metric list (group " + group + ")");
            }
            if (metrics.isEmpty()) {
                throw new IllegalArgumentException("series schema: group '" + group + "' lists no metrics");
            }
            Set<String> seen = new HashSet<>();
            for (String metric : metrics) {
                requireValidName(group, metric);
                if (!seen.add(metric)) {
                    throw new IllegalArgumentException("series schema: group '" + group + "' lists metric '" + metric + "' twice");
                }
            }
            copy.put(group, List.copyOf(metrics));
        }
        metricsByGroup = java.util.Collections.unmodifiableMap(copy);
    }

    /** A schema without groups: every series gets its own file. */
    public static SeriesSchema empty() {
        return new SeriesSchema(Map.of());
    }

    /** The group's metrics in data-source order, or empty if the group is not in the schema. */
    public Optional<List<String>> metricsOf(String group) {
        return Optional.ofNullable(metricsByGroup.get(group));
    }

    /** Refuses names RRD cannot hold or SeriesId would not accept; the message names group and metric. */
    static void requireValidName(String group, String metric) {
        if (metric == null) {
            throw new IllegalArgumentException("series schema: group '" + group + "' has a null metric");
        }
        try {
            // reuse the core naming rule rather than repeat its regex
            new SeriesId("schema", group, "", metric);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("series schema: group '" + group + "', metric '" + metric + "': " + e.getMessage(), e);
        }
        if (metric.length() > MAX_DS_NAME_LENGTH) {
            throw new IllegalArgumentException("series schema: group '" + group + "', metric '" + metric + "' is "
                    + metric.length() + " characters; RRD data-source names hold at most " + MAX_DS_NAME_LENGTH);
        }
    }
}
