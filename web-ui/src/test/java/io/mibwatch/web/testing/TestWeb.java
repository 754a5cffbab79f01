package io.mibwatch.web.testing;

import io.mibwatch.web.auth.AuthFeature;
import io.mibwatch.web.auth.LoginLimiter;
import io.mibwatch.web.auth.Sessions;
import io.mibwatch.web.auth.UserStore;
import io.mibwatch.web.auth.WebAuth;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.http.WebFeature;
import io.mibwatch.web.server.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A real {@link WebServer} on 127.0.0.1 with a free port, a temporary data directory
 * ({@code web.db} in it), the login feature, the given features and one user per role:
 * {@code reporter}, {@code viewer}, {@code operator}, {@code admin}, password {@link #password(Role)}.
 *
 * <pre>
 * try (TestWeb web = TestWeb.builder().featureWith(auth -> new MyFeature(auth)).start();
 *      Browser b = web.browser(Role.OPERATOR)) {
 *     b.open(web.url("/my/page"));
 * }
 * </pre>
 */
public final class TestWeb implements AutoCloseable {
    /** bcrypt's minimum cost: hashing speed is not what these tests are about. */
    public static final int TEST_BCRYPT_COST = 4;

    private final Path dataDir;
    private final boolean ownDir;
    private final UserStore users;
    private final WebAuth auth;
    private final WebServer server;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private final List<Browser> browsers = new ArrayList<>();

    private TestWeb(Builder b) throws IOException {
        this.ownDir = b.dataDir == null;
        this.dataDir = ownDir ? Files.createTempDirectory("mibwatch-web-") : b.dataDir;
        this.users = UserStore.open(dataDir.resolve("web.db"), b.clock, TEST_BCRYPT_COST);
        try {
            for (Role r : Role.values()) {
                if (users.find(user(r)).isEmpty()) {
                    users.add(user(r), r, password(r).toCharArray());
                }
            }
            this.auth = new WebAuth(users, new Sessions(b.clock, b.idle), new LoginLimiter(b.clock, b.limits));
            WebServer.Builder sb = WebServer.builder().listen("127.0.0.1", 0).auth(auth)
                    .feature(new AuthFeature(auth));
            for (Function<WebAuth, WebFeature> f : b.features) {
                sb.feature(f.apply(auth));
            }
            this.server = sb.build();
            server.start();
        } catch (RuntimeException e) {
            users.close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A server with only the login feature and {@code features}. */
    public static TestWeb start(WebFeature... features) {
        Builder b = builder();
        for (WebFeature f : features) {
            b.feature(f);
        }
        return b.start();
    }

    public static String user(Role role) {
        return role.label();
    }

    public static String password(Role role) {
        return "pw-" + role.label() + "-2026";
    }

    public Path dataDir() {
        return dataDir;
    }

    public WebAuth auth() {
        return auth;
    }

    public UserStore users() {
        return users;
    }

    public WebServer server() {
        return server;
    }

    public URI url() {
        return server.url();
    }

    public URI url(String pathAndQuery) {
        return server.url().resolve(pathAndQuery);
    }

    public Http anonymous() {
        return Http.anonymous(url());
    }

    /** An HTTP client logged in (session cookie + CSRF token) as the user of that role. */
    public Http http(Role role) {
        return Http.login(url(), user(role), password(role));
    }

    /** An HTTP client authenticated with an API token of the user of that role. */
    public Http tokenHttp(Role role) {
        return Http.bearer(url(), token(role));
    }

    public synchronized String token(Role role) {
        return tokens.computeIfAbsent(role, r -> users.createToken(user(r)));
    }

    /** A headless Chromium logged in as the user of that role; closed with this fixture. */
    public Browser browser(Role role) {
        Browser b = Browser.start();
        synchronized (browsers) {
            browsers.add(b);
        }
        return b.login(url(), user(role), password(role));
    }

    /** A headless Chromium not logged in; closed with this fixture. */
    public Browser browser() {
        Browser b = Browser.start();
        synchronized (browsers) {
            browsers.add(b);
        }
        return b;
    }

    @Override
    public void close() {
        try {
            synchronized (browsers) {
                for (Browser b : browsers) {
                    try {
                        b.close();
                    } catch (RuntimeException ignored) {
                        // already closed by the test
                    }
                }
            }
            server.close();
        } finally {
            users.close();
            if (ownDir) {
                Browser.delete(dataDir);
            }
        }
    }

    public static final class Builder {
        private final List<Function<WebAuth, WebFeature>> features = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration idle = Duration.ofMinutes(30);
        private LoginLimiter.Limits limits = LoginLimiter.Limits.DEFAULT;
        private Path dataDir;

        public Builder feature(WebFeature f) {
            features.add(a -> f);
            return this;
        }

        /** A feature that needs the server's auth (users, sessions), e.g. the admin pages. */
        public Builder featureWith(Function<WebAuth, WebFeature> f) {
            features.add(f);
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder idleTimeout(Duration d) {
            this.idle = d;
            return this;
        }

        public Builder limits(LoginLimiter.Limits l) {
            this.limits = l;
            return this;
        }

        /** Use this data directory (not deleted on close) instead of a fresh temporary one. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        public TestWeb start() {
            try {
                return new TestWeb(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
