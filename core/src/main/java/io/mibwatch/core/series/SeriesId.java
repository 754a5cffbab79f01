package io.mibwatch.core.series;

import java.util.Objects;

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

    /** The characters a name may have: they are safe in file names, URLs and the CLI's text form. */
    private static final String NAME = "[A-Za-z0-9_.:-]+";
    private static final String INSTANCE = "[A-Za-z0-9_.:-]*";

    public SeriesId {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(metric, "metric");
        require(device, false, "device");
        require(group, false, "group");
        require(instance, true, "instance");
        require(metric, false, "metric");
    }

    /*
     * A hand-written check of the NAME / INSTANCE character classes rather than a regex: a poll
     * creates series ids per varbind, and four Matcher runs per id showed up in the profile of
     * a fleet-sized run. SeriesIdTest pins the two forms to the same answers.
     */
    private static void require(String value, boolean mayBeEmpty, String what) {
        if (value.isEmpty() && !mayBeEmpty) {
            throw new IllegalArgumentException(what + " '" + value + "' must match " + NAME);
        }
        for (int i = 0; i < value.length(); i++) {
            if (!allowed(value.charAt(i))) {
                throw new IllegalArgumentException(what + " '" + value + "' must match " + (mayBeEmpty ? INSTANCE : NAME));
            }
        }
    }

    static boolean allowed(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '_' || c == '.' || c == ':' || c == '-';
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
