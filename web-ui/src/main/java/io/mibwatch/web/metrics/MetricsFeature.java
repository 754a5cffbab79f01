package io.mibwatch.web.metrics;

import io.mibwatch.config.Secret;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.thresholds.store.AlertRow;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.web.auth.WebAuth;
import io.mibwatch.web.http.Access;
import io.mibwatch.web.http.Caller;
import io.mibwatch.web.http.HttpError;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.WebFeature;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code GET /metrics}: Prometheus text format 0.0.4.
 * <ul>
 * <li>Every series' latest value as {@code mibwatch_series_GROUP_METRIC{device, instance, metric}}
 *     (name in snake_case, {@code interfaces/inOctets} -> {@code mibwatch_series_interfaces_in_octets}), a
 *     gauge: counters are already turned into per-second rates by the poller, so what is exported is
 *     the value mibwatch stores and alerts on. The {@code metric} label keeps the original
 *     {@code GROUP/METRIC} name, the family name being its sanitised form.</li>
 * <li>Appliance health: {@code mibwatch_poll_duration_seconds}, {@code mibwatch_polls_total},
 *     {@code mibwatch_poll_failures_total}, {@code mibwatch_device_up},
 *     {@code mibwatch_last_poll_timestamp_seconds} per device; {@code mibwatch_alerts_active} per
 *     severity; {@code mibwatch_queue_depth} per queue.</li>
 * </ul>
 * Access: public when configured, else the scrape token ({@code Authorization: Bearer}) or a
 * logged-in viewer (session or user API token); otherwise 401.
 */
public final class MetricsFeature implements WebFeature {
    private final MetricsSource source;
    private final Optional<AlertStore> alerts;
    private final boolean open;
    private final Optional<Secret> scrapeToken;

    public MetricsFeature(MetricsSource source, Optional<AlertStore> alerts, boolean metricsPublic,
                          Optional<Secret> scrapeToken) {
        this.source = source;
        this.alerts = alerts;
        this.open = metricsPublic;
        this.scrapeToken = scrapeToken;
    }

    @Override
    public List<Route> routes() {
        // PUBLIC for the server: the scrape token is not a user, so this handler decides
        return List.of(Route.get("/metrics", Access.PUBLIC, this::metrics));
    }

    private void metrics(HttpServerExchange ex) {
        if (!allowed(ex)) {
            throw new HttpError(401, "/metrics needs the scrape token (Authorization: Bearer ...) or a login");
        }
        byte[] body = render().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, PromText.CONTENT_TYPE);
        ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        ex.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private boolean allowed(HttpServerExchange ex) {
        if (open) {
            return true;
        }
        Optional<String> bearer = WebAuth.bearer(ex);
        if (bearer.isPresent() && scrapeToken.isPresent() && MessageDigest.isEqual(
                bearer.get().getBytes(StandardCharsets.UTF_8),
                scrapeToken.get().reveal().getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        return Caller.of(ex).map(c -> c.role().allows(Access.VIEW)).orElse(false);
    }

    /** The whole exposition; families sorted by name, samples by labels, so output is stable. */
    public String render() {
        StringBuilder out = new StringBuilder(8192);
        series(out);
        health(out);
        return out.toString();
    }

    private void series(StringBuilder out) {
        Map<String, List<MetricsSource.SeriesValue>> families = new TreeMap<>();
        Map<String, String> firstName = new LinkedHashMap<>();
        for (MetricsSource.SeriesValue v : source.latest()) {
            if (Double.isNaN(v.value())) {
                continue;
            }
            String original = v.group() + "/" + v.metric();
            String name = "mibwatch_series_" + PromText.name(v.group() + "_" + v.metric());
            families.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
            firstName.putIfAbsent(name, original);
        }
        for (Map.Entry<String, List<MetricsSource.SeriesValue>> f : families.entrySet()) {
            String name = f.getKey();
            family(out, name, "gauge", "Latest value of the mibwatch series " + firstName.get(name)
                    + " (counters as per-second rates)");
            f.getValue().stream()
                    .sorted(Comparator.comparing(MetricsSource.SeriesValue::device)
                            .thenComparing(MetricsSource.SeriesValue::instance)
                            .thenComparing(MetricsSource.SeriesValue::group)
                            .thenComparing(MetricsSource.SeriesValue::metric))
                    .forEach(v -> sample(out, name, labels("device", v.device(), "instance", v.instance(),
                            "metric", v.group() + "/" + v.metric()), v.value()));
        }
    }

    private void health(StringBuilder out) {
        List<MetricsSource.DeviceHealth> devices = source.devices().stream()
                .sorted(Comparator.comparing(MetricsSource.DeviceHealth::device)).toList();
        family(out, "mibwatch_device_up", "gauge", "1 when the device's last poll answered, else 0");
        devices.forEach(d -> sample(out, "mibwatch_device_up", labels("device", d.device()), d.up() ? 1 : 0));
        family(out, "mibwatch_poll_duration_seconds", "gauge", "Duration of the device's last poll cycle");
        devices.forEach(d -> sample(out, "mibwatch_poll_duration_seconds", labels("device", d.device()),
                d.lastDuration().toNanos() / 1e9));
        family(out, "mibwatch_polls_total", "counter", "Poll cycles since the daemon started");
        devices.forEach(d -> sample(out, "mibwatch_polls_total", labels("device", d.device()), d.polls()));
        family(out, "mibwatch_poll_failures_total", "counter", "Failed poll cycles since the daemon started");
        devices.forEach(d -> sample(out, "mibwatch_poll_failures_total", labels("device", d.device()), d.failures()));
        family(out, "mibwatch_last_poll_timestamp_seconds", "gauge", "Unix time the device's last poll started");
        devices.stream().filter(d -> d.lastPoll() != null).forEach(d -> sample(out,
                "mibwatch_last_poll_timestamp_seconds", labels("device", d.device()), d.lastPoll().toEpochMilli() / 1e3));
        if (alerts.isPresent()) {
            EnumMap<Severity, Integer> counts = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                counts.put(s, 0);
            }
            for (AlertRow a : alerts.get().activeAlerts()) {
                counts.merge(a.severity(), 1, Integer::sum);
            }
            family(out, "mibwatch_alerts_active", "gauge", "Active (pending or firing) alerts by severity");
            counts.forEach((s, n) -> sample(out, "mibwatch_alerts_active",
                    labels("severity", s.name().toLowerCase(Locale.ROOT)), n));
        }
        Map<String, Long> queues = new TreeMap<>(source.queues());
        family(out, "mibwatch_queue_depth", "gauge", "Items waiting in the appliance's internal queues");
        queues.forEach((q, n) -> sample(out, "mibwatch_queue_depth", labels("queue", q), n));
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(PromText.help(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String labels(String... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(kv[i]).append("=\"").append(PromText.labelValue(kv[i + 1])).append('"');
        }
        return sb.append('}').toString();
    }

    private static void sample(StringBuilder out, String name, String labels, double value) {
        out.append(name).append(labels).append(' ').append(PromText.value(value)).append('\n');
    }
}
