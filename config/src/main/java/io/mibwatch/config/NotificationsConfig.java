package io.mibwatch.config;

import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code notifications:} section of mibwatch.yaml: where alert notifications go.
 *
 * @param channels channels by name, in file order
 * @param routes   routing rules, tried in order
 */
public record NotificationsConfig(List<Channel> channels, List<Route> routes) {

    public static final NotificationsConfig NONE = new NotificationsConfig(List.of(), List.of());

    public NotificationsConfig {
        channels = List.copyOf(channels);
        routes = List.copyOf(routes);
    }

    /** One channel. */
    public sealed interface Channel permits Webhook, Email, Syslog {
        String name();
    }

    /** JSON POST to {@code url}, optionally with {@code Authorization: Bearer}. */
    public record Webhook(String name, URI url, Optional<Secret> bearerToken, Duration timeout) implements Channel {
        public Webhook {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(bearerToken, "bearerToken");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * STARTTLS (RFC 3207) use of an email channel. The one type for it: the config reader parses
     * {@code starttls} into it and the email channel of the thresholds module sends by it as is,
     * so it lives here, where both see it (config cannot depend on thresholds).
     */
    public enum StartTls {
        /** Never upgrade: the mail goes in clear text. */
        OFF,
        /** Upgrade when the server offers STARTTLS, else send in clear text. */
        OPPORTUNISTIC,
        /** Upgrade or refuse to send: never clear text, even when the server does not offer it. */
        REQUIRED
    }

    /** SMTP mail. */
    public record Email(String name, String host, int port, StartTls startTls, Optional<String> user,
                        Optional<Secret> password, String from, List<String> to, Duration timeout) implements Channel {
        public Email {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(startTls, "startTls");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(from, "from");
            to = List.copyOf(to);
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** RFC 5424 syslog over UDP. */
    public record Syslog(String name, String host, int port, int facility) implements Channel {
        public Syslog {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(host, "host");
        }
    }

    /**
     * A routing rule: notifications of at least {@code minSeverity}, of one of {@code kinds} (empty
     * = all), whose labels match the globs go to {@code channels}; {@code continueMatching} tries
     * later routes too.
     */
    public record Route(String name, Severity minSeverity, List<NotificationKind> kinds, Map<String, String> labels,
                        List<String> channels, boolean continueMatching) {
        public Route {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(minSeverity, "minSeverity");
            kinds = List.copyOf(kinds);
            labels = Map.copyOf(labels);
            channels = List.copyOf(channels);
        }
    }
}
