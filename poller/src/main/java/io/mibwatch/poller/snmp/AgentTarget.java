package io.mibwatch.poller.snmp;

import io.mibwatch.config.Credentials;
import io.mibwatch.config.DeviceConfig;
import io.mibwatch.config.SnmpVersion;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link SnmpClient} needs to talk to one agent, detached from the configuration file.
 *
 * <p>The record is a value: two polls of the same device build equal targets, which lets the client
 * keep per-agent state (outstanding-request gate, registered USM users) keyed by {@code host:port}.
 *
 * @param host           host name or IP literal of the agent
 * @param port           UDP port (161 on real devices)
 * @param version        protocol version; must match the kind of {@code credentials}
 *                       (community for v1/v2c, USM user for v3)
 * @param credentials    community (RFC 1901/3584) or USM user (RFC 3414)
 * @param timeout        time to wait for one try before retransmitting
 * @param retries        retransmissions after the first try (total tries = retries + 1)
 * @param maxRepetitions GETBULK max-repetitions (RFC 3416 section 4.2.3), at least 1
 * @param bulk           false forces GETNEXT walks (agents with broken GETBULK); v1 never bulks
 * @param maxOutstanding requests in flight to this agent at once; further ones queue
 */
public record AgentTarget(String host, int port, SnmpVersion version, Credentials credentials,
                          Duration timeout, int retries, int maxRepetitions, boolean bulk,
                          int maxOutstanding) {

    public AgentTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(host + ": port must be 1..65535, got " + port);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(host + ":" + port + ": timeout must be positive, got " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException(host + ":" + port + ": retries must be >= 0, got " + retries);
        }
        if (maxRepetitions < 1) {
            throw new IllegalArgumentException(host + ":" + port + ": maxRepetitions must be >= 1, got " + maxRepetitions);
        }
        if (maxOutstanding < 1) {
            throw new IllegalArgumentException(host + ":" + port + ": maxOutstanding must be >= 1, got " + maxOutstanding);
        }
        boolean v3 = version == SnmpVersion.V3;
        if (v3 != (credentials instanceof Credentials.Usm)) {
            throw new IllegalArgumentException(host + ":" + port + ": version " + version.text()
                    + " needs " + (v3 ? "a USM user" : "a community") + ", got credentials '" + credentials.name() + "'");
        }
    }

    /** Copies the polling fields of a configured device (defaults are already applied there). */
    public static AgentTarget of(DeviceConfig d) {
        return new AgentTarget(d.address(), d.port(), d.version(), d.credentials(), d.timeout(),
                d.retries(), d.maxRepetitions(), d.bulk(), d.maxOutstanding());
    }

    /** {@code host:port}, the name used in every failure message and the key of per-agent state. */
    public String where() {
        return host + ":" + port;
    }

    /** True when walks use GETBULK: the device allows it and the protocol has it (v2c/v3, RFC 3416). */
    public boolean useBulk() {
        return bulk && version != SnmpVersion.V1;
    }

    /** Same target with another max-repetitions (used when an agent answers tooBig). */
    public AgentTarget withMaxRepetitions(int n) {
        return new AgentTarget(host, port, version, credentials, timeout, retries, n, bulk, maxOutstanding);
    }

    /**
     * Shows the credential set by name and the v3 user/levels, never a community or pass phrase.
     * (The generated record toString would already print {@code <secret>} through {@code Secret},
     * but spelling it out keeps that guarantee independent of the credential records.)
     */
    @Override
    public String toString() {
        String cred;
        if (credentials instanceof Credentials.Usm u) {
            cred = "usm '" + u.name() + "' user=" + u.user() + " " + u.securityLevel()
                    + (u.auth() == null ? "" : " auth=" + u.auth())
                    + (u.priv() == null ? "" : " priv=" + u.priv());
        } else {
            cred = "community '" + credentials.name() + "'";
        }
        return "AgentTarget[" + where() + " " + version.text() + " " + cred + " timeout=" + timeout
                + " retries=" + retries + " maxRepetitions=" + maxRepetitions + " bulk=" + bulk
                + " maxOutstanding=" + maxOutstanding + "]";
    }
}
