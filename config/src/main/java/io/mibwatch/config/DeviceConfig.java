package io.mibwatch.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One polled device, with defaults already applied.
 *
 * @param name           unique name, used in series ids and file names ([A-Za-z0-9_.:-]+)
 * @param address        host name or IP address
 * @param port           UDP port (161)
 * @param version        SNMP version; must match the kind of {@code credentials}
 * @param credentials    the resolved credential set
 * @param interval       poll interval
 * @param timeout        per-request timeout
 * @param retries        per-request retries
 * @param maxRepetitions GETBULK max-repetitions
 * @param bulk           false forces GETNEXT walks (broken GETBULK agents); v1 never bulks
 * @param maxOutstanding requests in flight at once to this agent
 * @param metrics        enabled metric groups (e.g. system, interfaces, cpu, storage, ucd)
 * @param parent         the device this one sits behind (alert dependencies)
 */
public record DeviceConfig(String name, String address, int port, SnmpVersion version,
                           Credentials credentials, Duration interval, Duration timeout,
                           int retries, int maxRepetitions, boolean bulk, int maxOutstanding,
                           List<String> metrics, Optional<String> parent) {
    public DeviceConfig {
        Objects.requireNonNull(name);
        Objects.requireNonNull(address);
        Objects.requireNonNull(version);
        Objects.requireNonNull(credentials);
        Objects.requireNonNull(interval);
        Objects.requireNonNull(timeout);
        metrics = List.copyOf(metrics);
        parent = parent == null ? Optional.empty() : parent;
    }

    /** Bulk walks only where the protocol has GETBULK (v2c/v3, RFC 3416) and the device allows it. */
    public boolean useBulk() {
        return bulk && version != SnmpVersion.V1;
    }
}
