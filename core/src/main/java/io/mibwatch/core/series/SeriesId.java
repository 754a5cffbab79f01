package io.mibwatch.core.series;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names one time series: a metric of one instance of a group on one device,
 * e.g. {@code (core1, if, 3, inOctets)} or {@code (core1, system, "", uptime)}.
 *
 * <p>The group and instance decide which RRD file holds the series (one file per
 * interface keeps the eight interface counters together); the metric is the data
 * source inside it. The textual form {@code group/instance/metric} (instance may
 * be empty: {@code system//uptime}) is what the CLI and API accept.
 */
public record SeriesId(String device, String group, String instance, String metric) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]+");
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9_.:-]*");

    public SeriesId {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(metric, "metric");
        require(NAME, device, "device");
        require(NAME, group, "group");
        require(INSTANCE, instance, "instance");
        require(NAME, metric, "metric");
    }

    private static void require(Pattern p, String value, String what) {
        if (!p.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' must match " + p.pattern());
        }
    }

    /** Parses {@code group/instance/metric} for the given device. */
    public static SeriesId parse(String device, String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "series '" + text + "' must be GROUP/INSTANCE/METRIC, e.g. if/3/inOctets or system//uptime");
        }
        return new SeriesId(device, parts[0], parts[1], parts[2]);
    }

    /** The {@code group/instance/metric} form, without the device. */
    public String path() {
        return group + "/" + instance + "/" + metric;
    }

    @Override
    public String toString() {
        return device + ":" + path();
    }
}
