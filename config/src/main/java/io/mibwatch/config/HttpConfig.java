package io.mibwatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code http:} section: the web UI, JSON API and Prometheus {@code /metrics} endpoint.
 *
 * <p>Listen address rule: {@code http.listen} when given; otherwise the command decides:
 * {@code demo} listens on {@link #DEMO_LISTEN} (127.0.0.1:8080, a demo is a local thing) and
 * {@code serve} (the packaged service) on {@link #SERVICE_LISTEN} (0.0.0.0:8080, a NOC reaches the
 * appliance over the network). {@code --http-listen HOST:PORT} overrides both.
 *
 * @param listen         where to listen; empty = the command's default
 * @param https          optional TLS keystore (PKCS#12 or JKS) and its password
 * @param metricsPublic  whether {@code /metrics} may be scraped without a token
 * @param metricsToken   the bearer token Prometheus sends ({@code authorization: credentials:} in its scrape config)
 * @param sessionIdle    how long a browser session lives without requests
 */
public record HttpConfig(Optional<Listen> listen, Optional<Https> https, boolean metricsPublic,
                         Optional<Secret> metricsToken, Duration sessionIdle) {

    public static final Duration DEFAULT_SESSION_IDLE = Duration.ofMinutes(30);
    public static final Listen DEMO_LISTEN = new Listen("127.0.0.1", 8080);
    public static final Listen SERVICE_LISTEN = new Listen("0.0.0.0", 8080);
    public static final HttpConfig DEFAULT = new HttpConfig(Optional.empty(), Optional.empty(), false,
            Optional.empty(), DEFAULT_SESSION_IDLE);

    public HttpConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(https, "https");
        Objects.requireNonNull(metricsToken, "metricsToken");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
    }

    /** The configured address, or {@code fallback} (the command's default). */
    public Listen listenOr(Listen fallback) {
        return listen.orElse(fallback);
    }

    /** A TLS keystore: PKCS#12 ({@code .p12}) or JKS, with the key password equal to the store password. */
    public record Https(Path keystore, Secret password) {
        public Https {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
        }
    }

    /**
     * A listen address {@code HOST:PORT}: an IPv4 address, a host name, or a bracketed IPv6
     * address ({@code [::]:8080}, RFC 3986 3.2.2).
     */
    public record Listen(String host, int port) {
        public Listen {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not a TCP port (0-65535)");
            }
        }

        /** Parses {@code HOST:PORT}; the message of the exception says what is wrong with {@code text}. */
        public static Listen parse(String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("expected HOST:PORT, e.g. 127.0.0.1:8080 or [::]:8080");
            }
            String t = text.trim();
            String host;
            String port;
            if (t.startsWith("[")) {
                int close = t.indexOf("]:");
                if (close < 0) {
                    throw new IllegalArgumentException("expected [IPv6]:PORT, e.g. [::1]:8080");
                }
                host = t.substring(1, close);
                port = t.substring(close + 2);
            } else {
                int colon = t.lastIndexOf(':');
                if (colon <= 0 || t.indexOf(':') != colon) {
                    throw new IllegalArgumentException("expected HOST:PORT, e.g. 127.0.0.1:8080 (IPv6 in brackets: [::]:8080)");
                }
                host = t.substring(0, colon);
                port = t.substring(colon + 1);
            }
            if (host.isEmpty() || !host.matches("[A-Za-z0-9_.:%-]+")) {
                throw new IllegalArgumentException("'" + host + "' is not a host name or address");
            }
            int p;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port '" + port + "' is not a number (1-65535, or 0 for any free port)");
            }
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("port " + p + " is not a TCP port (1-65535, or 0 for any free port)");
            }
            return new Listen(host, p);
        }

        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
