package io.mibwatch.web.devices;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.SeriesStore;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.web.graph.SeriesRef;
import io.mibwatch.web.http.Access;
import io.mibwatch.web.http.HttpError;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.WebFeature;
import io.undertow.server.HttpServerExchange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The device list and the device page: {@code /devices}, {@code /devices/{device}} and their API
 * {@code GET /api/devices[?q=text]}, {@code GET /api/devices/{device}}.
 *
 * <p>Devices are the configured ones (the directory) plus any with stored series that are no
 * longer configured, so history stays reachable after a device is removed from the config.
 */
public final class DevicesFeature implements WebFeature {
    private final DeviceDirectory directory;
    private final SeriesStore store;
    private final MetricUnits units;

    public DevicesFeature(DeviceDirectory directory, SeriesStore store, MetricUnits units) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.store = Objects.requireNonNull(store, "store");
        this.units = Objects.requireNonNull(units, "units");
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.page("/devices", Access.VIEW, "devices.html"),
                Route.page("/devices/{device}", Access.VIEW, "device.html"),
                Route.get("/api/devices", Access.VIEW, this::list),
                Route.get("/api/devices/{device}", Access.VIEW, this::one));
    }

    /**
     * A row of the device list; {@code reachable} null until the first cycle ended.
     *
     * @param configured false for a device that only has stored history
     */
    public record DeviceRow(String name, String address, boolean configured, Boolean reachable, Instant lastPoll,
                            Long lastDurationMs, int consecutiveFailures, String lastError, long cycles, long failures,
                            String sysDescr) {
    }

    public record SeriesJson(String metric, String path, String unit) {
    }

    /** One instance of a group; {@code segment} is the instance as it goes in a URL. */
    public record InstanceJson(String group, String instance, String segment, String label, String alias,
                               List<SeriesJson> series) {
    }

    public record CategoryJson(String key, String title, List<InstanceJson> instances) {
    }

    public record DeviceJson(DeviceRow device, List<CategoryJson> groups, int seriesCount) {
    }

    void list(HttpServerExchange ex) {
        String q = Json.query(ex, "q").orElse("").trim().toLowerCase(Locale.ROOT);
        List<DeviceRow> rows = rows().stream().filter(r -> q.isEmpty() || matches(r, q)).toList();
        Json.ok(ex, rows);
    }

    static boolean matches(DeviceRow r, String q) {
        return r.name().toLowerCase(Locale.ROOT).contains(q) || r.address().toLowerCase(Locale.ROOT).contains(q)
                || r.sysDescr().toLowerCase(Locale.ROOT).contains(q);
    }

    /** Every device: configured first by name, then stored-only ones. */
    public List<DeviceRow> rows() {
        Map<String, DeviceRow> out = new LinkedHashMap<>();
        for (DeviceDirectory.Device d : directory.devices()) {
            out.put(d.name(), row(d));
        }
        for (String stored : store.devices()) {
            out.putIfAbsent(stored, new DeviceRow(stored, "", false, null, null, null, 0, null, 0, 0, ""));
        }
        return List.copyOf(out.values());
    }

    static DeviceRow row(DeviceDirectory.Device d) {
        Optional<DeviceDirectory.PollStatus> s = d.status();
        return new DeviceRow(d.name(), d.address(), true, s.map(DeviceDirectory.PollStatus::reachable).orElse(null),
                s.map(DeviceDirectory.PollStatus::lastPoll).orElse(null),
                s.map(x -> x.lastDuration().toMillis()).orElse(null),
                s.map(DeviceDirectory.PollStatus::consecutiveFailures).orElse(0),
                s.flatMap(DeviceDirectory.PollStatus::lastError).orElse(null),
                s.map(DeviceDirectory.PollStatus::cycles).orElse(0L), s.map(DeviceDirectory.PollStatus::failures).orElse(0L),
                d.sysDescr());
    }

    void one(HttpServerExchange ex) {
        String name = Json.pathParam(ex, "device");
        Optional<DeviceDirectory.Device> d = directory.device(name);
        List<SeriesId> series;
        try {
            series = store.list(name);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("device '" + name + "': " + e.getMessage());
        }
        if (d.isEmpty() && series.isEmpty()) {
            throw HttpError.notFound("no device '" + name + "' (not configured and no stored series)");
        }
        DeviceRow row = d.map(DevicesFeature::row)
                .orElse(new DeviceRow(name, "", false, null, null, null, 0, null, 0, 0, ""));
        Json.ok(ex, new DeviceJson(row, categories(series, d), series.size()));
    }

    /** Series grouped by category, then by (group, instance) in numeric-aware order. */
    List<CategoryJson> categories(List<SeriesId> series, Optional<DeviceDirectory.Device> device) {
        Map<MetricCategory, Map<String, List<SeriesId>>> byCat = new EnumMap<>(MetricCategory.class);
        for (SeriesId s : series) {
            byCat.computeIfAbsent(MetricCategory.of(s.group()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.group() + "/" + s.instance(), k -> new ArrayList<>()).add(s);
        }
        List<CategoryJson> out = new ArrayList<>();
        byCat.forEach((cat, instances) -> {
            TreeSet<String> keys = new TreeSet<>(InstanceOrder.INSTANCE);
            keys.addAll(instances.keySet());
            List<InstanceJson> list = new ArrayList<>();
            for (String key : keys) {
                List<SeriesId> ss = instances.get(key);
                SeriesId first = ss.get(0);
                Optional<DeviceDirectory.InstanceLabel> label = device.flatMap(x -> x.label(first.group(), first.instance()));
                list.add(new InstanceJson(first.group(), first.instance(), SeriesRef.instanceSegment(first.instance()),
                        label.map(DeviceDirectory.InstanceLabel::name).orElse(""),
                        label.map(DeviceDirectory.InstanceLabel::alias).orElse(""),
                        ss.stream().map(s -> new SeriesJson(s.metric(), s.path(),
                                units.unitOf(s.group(), s.metric()).orElse(""))).toList()));
            }
            out.add(new CategoryJson(cat.key(), cat.title(), list));
        });
        return out;
    }
}
