package io.mibwatch.storage;

import io.mibwatch.core.series.SeriesId;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which RRD file holds a series, and the way back from a file name to the series.
 *
 * <ul>
 *   <li>group in the schema: {@code <device>/<group>/<instance>.rrd} with one data source per
 *       metric; for instance {@code ""} the file is {@code <device>/<group>.rrd}.</li>
 *   <li>group not in the schema: one file per series, {@code <device>/<group>/<instance>@<metric>.rrd}
 *       (instance {@code ""}: {@code <device>/<group>/@<metric>.rrd}). {@code @} is not allowed in
 *       SeriesId names, so these can never collide with a schema file whatever the instance is
 *       called, and a group added to the schema later does not reinterpret old files.</li>
 * </ul>
 *
 * @param soleMetric {@code null} for a schema-group file, else the only metric of a per-series file
 */
record SeriesFile(String device, String group, String instance, String soleMetric) {

    static final String SUFFIX = ".rrd";
    static final char METRIC_SEPARATOR = '@';

    SeriesFile {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(instance, "instance");
    }

    /** The file a new sample of the series goes to under the given schema. */
    static SeriesFile forWrite(SeriesId id, SeriesSchema schema) {
        return schema.metricsOf(id.group()).isPresent()
                ? new SeriesFile(id.device(), id.group(), id.instance(), null)
                : new SeriesFile(id.device(), id.group(), id.instance(), id.metric());
    }

    /**
     * Where a series may be found: first where it would be written now, then the other form, so
     * series written before the schema gained or lost their group stay readable.
     */
    static List<SeriesFile> candidates(SeriesId id, SeriesSchema schema) {
        SeriesFile grouped = new SeriesFile(id.device(), id.group(), id.instance(), null);
        SeriesFile single = new SeriesFile(id.device(), id.group(), id.instance(), id.metric());
        return schema.metricsOf(id.group()).isPresent() ? List.of(grouped, single) : List.of(single, grouped);
    }

    /**
     * The path under {@code dataDir}. Refuses "." and ".." as device, group or instance: SeriesId's
     * regex allows dots, and those two would step outside the device's directory.
     *
     * @throws IllegalArgumentException naming the offending component
     */
    Path path(Path dataDir) {
        requireComponent("device", device);
        requireComponent("group", group);
        if (!instance.isEmpty()) {
            requireComponent("instance", instance);
        }
        Path deviceDir = dataDir.resolve(device);
        if (soleMetric != null) {
            return deviceDir.resolve(group).resolve(instance + METRIC_SEPARATOR + soleMetric + SUFFIX);
        }
        return instance.isEmpty()
                ? deviceDir.resolve(group + SUFFIX)
                : deviceDir.resolve(group).resolve(instance + SUFFIX);
    }

    /**
     * The (group, instance) a file under a device directory stands for, from its file name.
     *
     * @param groupDir the group directory name, or {@code null} if the file sits directly in the
     *                 device directory (then it is {@code <group>.rrd}, instance "")
     */
    static Optional<String[]> groupAndInstance(String groupDir, String fileName) {
        if (!fileName.endsWith(SUFFIX) || fileName.length() == SUFFIX.length() && groupDir == null) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
        if (groupDir == null) {
            return Optional.of(new String[] {stem, ""});
        }
        int at = stem.indexOf(METRIC_SEPARATOR);
        return Optional.of(new String[] {groupDir, at < 0 ? stem : stem.substring(0, at)});
    }

    static void requireComponent(String what, String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(what + " '" + name + "' cannot be used as a file name component");
        }
    }

    @Override
    public String toString() {
        return device + ":" + group + "/" + instance + (soleMetric == null ? "" : "/" + soleMetric);
    }
}
