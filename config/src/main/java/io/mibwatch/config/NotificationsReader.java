package io.mibwatch.config;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.index;
import static io.mibwatch.core.yaml.YamlReader.key;
import static io.mibwatch.core.yaml.YamlReader.show;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.yaml.Closest;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code notifications:} section: named channels (webhook, email, syslog) and the routes
 * that send alerts to them. Same conventions as {@link ConfigReader}: a bad value is recorded and
 * skipped, reading goes on.
 */
final class NotificationsReader {

    static final Set<String> NOTIFICATION_KEYS = Set.of("channels", "routes");
    static final Set<String> WEBHOOK_KEYS = Set.of("type", "url", "bearer_token", "timeout");
    static final Set<String> EMAIL_KEYS = Set.of("type", "host", "port", "starttls", "user", "password", "from", "to",
            "timeout");
    static final Set<String> SYSLOG_KEYS = Set.of("type", "host", "port", "facility");
    static final Set<String> ROUTE_KEYS = Set.of("name", "min_severity", "kinds", "labels", "channels", "continue");
    static final Pattern CHANNEL_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Problems problems;
    private final SecretReader secrets;

    NotificationsReader(Problems problems, SecretReader secrets) {
        this.problems = problems;
        this.secrets = secrets;
    }

    NotificationsConfig read(JsonNode n) {
        if (absent(n)) {
            return NotificationsConfig.NONE;
        }
        if (problems.mapping("notifications", n, NOTIFICATION_KEYS, "channels, routes") == null) {
            return null;
        }
        Map<String, NotificationsConfig.Channel> channels = new LinkedHashMap<>();
        JsonNode cs = n.get("channels");
        Set<String> declared = new LinkedHashSet<>();
        if (!absent(cs)) {
            if (!cs.isObject()) {
                problems.add("notifications.channels", null, "expected a mapping of channel names to channels");
            } else {
                cs.fields().forEachRemaining(e -> {
                    String path = key("notifications.channels", e.getKey());
                    declared.add(e.getKey());
                    if (!CHANNEL_NAME.matcher(e.getKey()).matches()) {
                        problems.add(path, null, "channel names are letters, digits and _ . -");
                    }
                    NotificationsConfig.Channel c = channel(path, e.getKey(), e.getValue());
                    if (c != null) {
                        channels.put(e.getKey(), c);
                    }
                });
            }
        }
        List<NotificationsConfig.Route> routes = new ArrayList<>();
        JsonNode rs = n.get("routes");
        if (!absent(rs)) {
            if (!rs.isArray()) {
                problems.add("notifications.routes", show(rs), "expected a list of routes");
            } else {
                for (int i = 0; i < rs.size(); i++) {
                    NotificationsConfig.Route r = route(index("notifications.routes", i), i, rs.get(i), declared);
                    if (r != null) {
                        routes.add(r);
                    }
                }
            }
        }
        return new NotificationsConfig(new ArrayList<>(channels.values()), routes);
    }

    private NotificationsConfig.Channel channel(String path, String name, JsonNode n) {
        if (!n.isObject()) {
            problems.add(path, null, "expected a mapping with type: webhook, email or syslog");
            return null;
        }
        String type = problems.requiredText(key(path, "type"), n.get("type"));
        if (type == null) {
            return null;
        }
        int before = problems.count();
        NotificationsConfig.Channel out;
        switch (type) {
            case "webhook" -> {
                problems.unknownKeys(path, n, WEBHOOK_KEYS);
                URI url = url(key(path, "url"), n.get("url"));
                Optional<Secret> token = absent(n.get("bearer_token")) ? Optional.empty()
                        : Optional.ofNullable(secrets.read(key(path, "bearer_token"), n.get("bearer_token")));
                out = new NotificationsConfig.Webhook(name, url == null ? URI.create("http://invalid") : url, token,
                        timeout(path, n));
            }
            case "email" -> {
                problems.unknownKeys(path, n, EMAIL_KEYS);
                String host = problems.requiredText(key(path, "host"), n.get("host"));
                int port = port(key(path, "port"), n.get("port"), 25);
                NotificationsConfig.StartTls tls = NotificationsConfig.StartTls.OPPORTUNISTIC;
                if (!absent(n.get("starttls"))) {
                    String s = n.get("starttls").isBoolean() ? (n.get("starttls").booleanValue() ? "required" : "off")
                            : problems.text(key(path, "starttls"), n.get("starttls"));
                    if (s != null) {
                        try {
                            tls = NotificationsConfig.StartTls.valueOf(s.toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            problems.add(key(path, "starttls"), s, "expected off, opportunistic or required");
                        }
                    }
                }
                Optional<String> user = Optional.empty();
                Optional<Secret> password = Optional.empty();
                if (!absent(n.get("user"))) {
                    user = Optional.ofNullable(problems.requiredText(key(path, "user"), n.get("user")));
                    if (absent(n.get("password"))) {
                        problems.add(key(path, "password"), null, "required when user is set");
                    }
                }
                if (!absent(n.get("password"))) {
                    password = Optional.ofNullable(secrets.read(key(path, "password"), n.get("password")));
                    if (absent(n.get("user"))) {
                        problems.add(key(path, "user"), null, "required when password is set");
                    }
                }
                String from = problems.requiredText(key(path, "from"), n.get("from"));
                List<String> to = new ArrayList<>();
                JsonNode t = n.get("to");
                if (absent(t)) {
                    problems.add(key(path, "to"), null, "required: one address or a list");
                } else if (t.isArray()) {
                    for (int i = 0; i < t.size(); i++) {
                        String s = problems.requiredText(index(key(path, "to"), i), t.get(i));
                        if (s != null) {
                            to.add(s);
                        }
                    }
                    if (t.isEmpty()) {
                        problems.add(key(path, "to"), "[]", "needs at least one recipient");
                    }
                } else {
                    String s = problems.requiredText(key(path, "to"), t);
                    if (s != null) {
                        to.add(s);
                    }
                }
                for (String[] a : new String[][] {{"from", from}}) {
                    if (a[1] != null && !a[1].contains("@")) {
                        problems.add(key(path, a[0]), a[1], "not an email address");
                    }
                }
                for (int i = 0; i < to.size(); i++) {
                    if (!to.get(i).contains("@")) {
                        problems.add(key(path, "to"), to.get(i), "not an email address");
                    }
                }
                out = new NotificationsConfig.Email(name, host == null ? "" : host, port, tls, user, password,
                        from == null ? "" : from, to, timeout(path, n));
            }
            case "syslog" -> {
                problems.unknownKeys(path, n, SYSLOG_KEYS);
                String host = problems.requiredText(key(path, "host"), n.get("host"));
                int port = port(key(path, "port"), n.get("port"), 514);
                int facility = 16;
                if (!absent(n.get("facility"))) {
                    Integer f = problems.integer(key(path, "facility"), n.get("facility"), 0, 23,
                            "RFC 5424 facility 0..23 (16 = local0)");
                    facility = f == null ? facility : f;
                }
                out = new NotificationsConfig.Syslog(name, host == null ? "" : host, port, facility);
            }
            default -> {
                problems.add(key(path, "type"), type, "expected webhook, email or syslog");
                return null;
            }
        }
        return problems.count() != before ? null : out;
    }

    private URI url(String path, JsonNode n) {
        String s = problems.requiredText(path, n);
        if (s == null) {
            return null;
        }
        try {
            URI u = new URI(s);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                problems.add(path, s, "expected an absolute http:// or https:// URL");
                return null;
            }
            return u;
        } catch (URISyntaxException e) {
            problems.add(path, s, "not a URL: " + e.getReason());
            return null;
        }
    }

    private int port(String path, JsonNode n, int fallback) {
        if (absent(n)) {
            return fallback;
        }
        Integer p = problems.integer(path, n, 1, 65535, "not a port (1-65535)");
        return p == null ? fallback : p;
    }

    private Duration timeout(String path, JsonNode n) {
        if (absent(n.get("timeout"))) {
            return DEFAULT_TIMEOUT;
        }
        Duration d = problems.duration(key(path, "timeout"), n.get("timeout"));
        return d == null ? DEFAULT_TIMEOUT : d;
    }

    private NotificationsConfig.Route route(String path, int i, JsonNode n, Set<String> declared) {
        if (problems.mapping(path, n, ROUTE_KEYS, "name, min_severity, kinds, labels, channels, continue") == null) {
            return null;
        }
        int before = problems.count();
        String name = "route " + (i + 1);
        if (!absent(n.get("name"))) {
            String s = problems.requiredText(key(path, "name"), n.get("name"));
            name = s == null ? name : s;
        }
        Severity min = Severity.WARNING;
        if (!absent(n.get("min_severity"))) {
            String s = problems.text(key(path, "min_severity"), n.get("min_severity"));
            if (s != null) {
                try {
                    min = Severity.valueOf(s.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(key(path, "min_severity"), s, "expected info, warning or critical");
                }
            }
        }
        List<NotificationKind> kinds = new ArrayList<>();
        for (String s : textList(key(path, "kinds"), n.get("kinds"))) {
            try {
                NotificationKind k = NotificationKind.valueOf(s.toUpperCase(Locale.ROOT));
                if (k.announcedAs() != k) {
                    // never sent under its own name: a route selecting it would match nothing
                    throw new IllegalArgumentException(s);
                }
                kinds.add(k);
            } catch (IllegalArgumentException e) {
                problems.add(key(path, "kinds"), s, "expected firing, resolved, severity_changed, acknowledged or flapping");
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        JsonNode ls = n.get("labels");
        if (!absent(ls)) {
            if (!ls.isObject()) {
                problems.add(key(path, "labels"), show(ls), "expected a mapping of label names to globs");
            } else {
                ls.fields().forEachRemaining(e -> {
                    String v = e.getValue().isNumber() ? e.getValue().asText()
                            : problems.requiredText(key(key(path, "labels"), e.getKey()), e.getValue());
                    if (v != null) {
                        labels.put(e.getKey(), v);
                    }
                });
            }
        }
        List<String> channels = textList(key(path, "channels"), n.get("channels"));
        if (absent(n.get("channels"))) {
            problems.add(key(path, "channels"), null, "required: the channel names to send to");
        } else if (channels.isEmpty() && n.get("channels").isArray()) {
            problems.add(key(path, "channels"), "[]", "needs at least one channel");
        }
        for (String c : channels) {
            if (!declared.contains(c)) {
                problems.add(key(path, "channels"), c, "no such channel under notifications.channels"
                        + Closest.hint(c, declared) + (declared.isEmpty() ? "" : "; channels: " + String.join(", ", declared)));
            }
        }
        boolean cont = problems.bool(key(path, "continue"), n.get("continue"), false);
        if (problems.count() != before) {
            return null;
        }
        return new NotificationsConfig.Route(name, min, kinds, labels, channels, cont);
    }

    /** One text or a list of texts. */
    private List<String> textList(String path, JsonNode n) {
        List<String> out = new ArrayList<>();
        if (absent(n)) {
            return out;
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String s = problems.requiredText(index(path, i), n.get(i));
                if (s != null) {
                    out.add(s);
                }
            }
        } else {
            String s = problems.requiredText(path, n);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
