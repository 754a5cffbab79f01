package io.mibwatch.config;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.key;
import static io.mibwatch.core.yaml.YamlReader.show;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code http:} section; every problem recorded with its key path, reading goes on. */
final class HttpReader {
    static final Set<String> HTTP_KEYS = Set.of("listen", "https", "metrics_public", "metrics_token", "session_idle");
    static final Set<String> HTTPS_KEYS = Set.of("keystore", "password");

    private final Problems problems;
    private final SecretReader secrets;
    private final Path baseDir;

    HttpReader(Problems problems, SecretReader secrets, Path baseDir) {
        this.problems = problems;
        this.secrets = secrets;
        this.baseDir = baseDir;
    }

    HttpConfig read(JsonNode n) {
        if (absent(n)) {
            return HttpConfig.DEFAULT;
        }
        if (problems.mapping("http", n, HTTP_KEYS,
                "listen, https, metrics_public, metrics_token, session_idle") == null) {
            return HttpConfig.DEFAULT;
        }
        Optional<HttpConfig.Listen> listen = Optional.empty();
        if (!absent(n.get("listen"))) {
            String t = problems.requiredText("http.listen", n.get("listen"));
            if (t != null) {
                try {
                    listen = Optional.of(HttpConfig.Listen.parse(t));
                } catch (IllegalArgumentException e) {
                    problems.add("http.listen", t, e.getMessage());
                }
            }
        }
        Optional<HttpConfig.Https> https = https(n.get("https"));
        boolean metricsPublic = false;
        if (!absent(n.get("metrics_public"))) {
            Boolean b = problems.bool("http.metrics_public", n.get("metrics_public"));
            metricsPublic = b != null && b;
        }
        Optional<Secret> token = Optional.empty();
        if (!absent(n.get("metrics_token"))) {
            Secret s = secrets.read("http.metrics_token", n.get("metrics_token"));
            if (s != null && s.reveal().length() < 16) {
                // a scrape token guards every series value: make it unguessable (RFC 6750 leaves length to us)
                problems.add("http.metrics_token", ConfigError.MASK, "too short" + SecretReader.origin(n.get("metrics_token"))
                        + ": use at least 16 characters, e.g. from `openssl rand -hex 16`");
            } else if (s != null) {
                token = Optional.of(s);
            }
        }
        Duration idle = HttpConfig.DEFAULT_SESSION_IDLE;
        if (!absent(n.get("session_idle"))) {
            Duration d = problems.duration("http.session_idle", n.get("session_idle"));
            if (d != null && d.compareTo(Duration.ofMinutes(1)) < 0) {
                problems.add("http.session_idle", show(n.get("session_idle")), "must be at least 1m");
            } else if (d != null) {
                idle = d;
            }
        }
        return new HttpConfig(listen, https, metricsPublic, token, idle);
    }

    private Optional<HttpConfig.Https> https(JsonNode n) {
        if (absent(n)) {
            return Optional.empty();
        }
        if (problems.mapping("http.https", n, HTTPS_KEYS, "keystore, password") == null) {
            return Optional.empty();
        }
        String file = problems.requiredText(key("http.https", "keystore"), n.get("keystore"));
        Secret password = null;
        if (absent(n.get("password"))) {
            problems.add("http.https.password", null, "required: the keystore password (inline, {file: PATH} or {env: NAME})");
        } else {
            password = secrets.read("http.https.password", n.get("password"));
        }
        if (file == null || password == null) {
            return Optional.empty();
        }
        Path p;
        try {
            p = Path.of(file);
        } catch (InvalidPathException e) {
            problems.add("http.https.keystore", file, "not a file path: " + e.getReason());
            return Optional.empty();
        }
        if (!p.isAbsolute() && baseDir != null) {
            p = baseDir.resolve(p);
        }
        // existence is checked when the server starts, so config check works on another machine
        return Optional.of(new HttpConfig.Https(p, password));
    }
}
