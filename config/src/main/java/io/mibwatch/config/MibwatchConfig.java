package io.mibwatch.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole validated configuration. Immutable; a reload builds a new one and
 * swaps it in only when it validates, so a typo never stops polling.
 *
 * @param dataDir     where RRD files and the database live (null = command line decides)
 * @param defaults    polling defaults
 * @param credentials credential sets by name
 * @param devices     devices in file order
 * @param thresholds  the {@code thresholds:} section (rule defaults, overrides, user rules)
 * @param notifications the {@code notifications:} section (channels and routes)
 * @param services    the {@code services:} section (Apdex targets per service)
 * @param http        the {@code http:} section (web UI, API, /metrics)
 * @param rrd         the {@code rrd:} section (write-behind of RRD updates)
 */
public record MibwatchConfig(Path dataDir, Defaults defaults, Map<String, Credentials> credentials,
                             List<DeviceConfig> devices, ThresholdsConfig thresholds,
                             NotificationsConfig notifications, ServicesConfig services, HttpConfig http,
                             RrdConfig rrd) {
    public MibwatchConfig {
        credentials = Map.copyOf(credentials);
        devices = List.copyOf(devices);
        thresholds = thresholds == null ? ThresholdsConfig.STOCK : thresholds;
        notifications = notifications == null ? NotificationsConfig.NONE : notifications;
        services = services == null ? ServicesConfig.NONE : services;
        http = http == null ? HttpConfig.DEFAULT : http;
        rrd = rrd == null ? RrdConfig.DEFAULT : rrd;
    }

    /** A config without an rrd section (the shape before write-behind). */
    public MibwatchConfig(Path dataDir, Defaults defaults, Map<String, Credentials> credentials,
                          List<DeviceConfig> devices, ThresholdsConfig thresholds,
                          NotificationsConfig notifications, ServicesConfig services, HttpConfig http) {
        this(dataDir, defaults, credentials, devices, thresholds, notifications, services, http, RrdConfig.DEFAULT);
    }

    /** A config without an http section: the web UI and API on their defaults. */
    public MibwatchConfig(Path dataDir, Defaults defaults, Map<String, Credentials> credentials,
                          List<DeviceConfig> devices, ThresholdsConfig thresholds,
                          NotificationsConfig notifications, ServicesConfig services) {
        this(dataDir, defaults, credentials, devices, thresholds, notifications, services, HttpConfig.DEFAULT);
    }

    /** A config without services (no Apdex targets). */
    public MibwatchConfig(Path dataDir, Defaults defaults, Map<String, Credentials> credentials,
                          List<DeviceConfig> devices, ThresholdsConfig thresholds,
                          NotificationsConfig notifications) {
        this(dataDir, defaults, credentials, devices, thresholds, notifications, ServicesConfig.NONE);
    }

    /** A config with stock thresholds and no notifications. */
    public MibwatchConfig(Path dataDir, Defaults defaults, Map<String, Credentials> credentials,
                          List<DeviceConfig> devices) {
        this(dataDir, defaults, credentials, devices, ThresholdsConfig.STOCK, NotificationsConfig.NONE);
    }

    public Optional<DeviceConfig> device(String name) {
        return devices.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
