package io.mibwatch.app.web;

import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.config.HttpConfig;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.web.alerts.AlertsFeature;
import io.mibwatch.web.auth.AuditFeature;
import io.mibwatch.web.auth.AuthFeature;
import io.mibwatch.web.auth.LoginLimiter;
import io.mibwatch.web.auth.Sessions;
import io.mibwatch.web.auth.UserStore;
import io.mibwatch.web.auth.UsersFeature;
import io.mibwatch.web.auth.WebAuth;
import io.mibwatch.web.http.WebFeature;
import io.mibwatch.web.metrics.MetricsFeature;
import io.mibwatch.web.server.WebServer;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI of a running daemon ({@code serve}, {@code demo}): users in {@code DATA/web.db}, the
 * features in {@link #features}, one Undertow server. Close it before the daemon.
 */
public final class WebWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebWiring.class);
    /** How often the alert page's live feed looks for new transitions in the store. */
    static final Duration ALERT_FEED_POLL = Duration.ofMillis(250);

    /** Everything a feature may need, built once per server. */
    public record Context(Daemon daemon, MibwatchConfig config, DataDir dataDir, Clock clock, WebAuth auth) {
    }

    private final UserStore users;
    private final WebServer server;
    private final List<AutoCloseable> closeables;

    private WebWiring(UserStore users, WebServer server, List<AutoCloseable> closeables) {
        this.users = users;
        this.server = server;
        this.closeables = closeables;
    }

    /**
     * The web features, one line each. Features that hold threads or streams implement
     * AutoCloseable and are closed before the server stops.
     */
    static List<WebFeature> features(Context c) {
        DaemonMetrics metrics = new DaemonMetrics(c.daemon(), c.config(), c.daemon().alerting().store());
        c.daemon().addListener(metrics);
        WebDataFeatures data = new WebDataFeatures(c::config, c.daemon(), c.clock());
        return List.of(
                new AuthFeature(c.auth()),
                new UsersFeature(c.auth()),
                new AuditFeature(c.auth().users().audit(), c.clock()),
                new AlertsFeature(c.daemon().alerting().store(), new DaemonAlertControl(c.daemon().alerting()),
                        c.auth().users().audit(), c.clock(), ALERT_FEED_POLL),
                new MetricsFeature(metrics, Optional.of(c.daemon().alerting().store()), c.config().http().metricsPublic(),
                        c.config().http().metricsToken()),
                data.devices(),
                data.graphs(),
                data.explorer(),
                data.services(c.auth().users().audit())
        );
    }

    /**
     * Starts the web server of a running daemon. On the very first start (no user yet) the user
     * {@code admin} is created and its generated password printed on {@code console}, once.
     *
     * @param listen where to listen (the command line's --http-listen, config, or the command's default)
     */
    public static WebWiring start(Daemon daemon, MibwatchConfig config, DataDir dataDir, HttpConfig.Listen listen,
                                  Clock clock, PrintWriter console) {
        HttpConfig http = config.http();
        UserStore users = UserStore.open(dataDir.usersDb(), clock);
        List<AutoCloseable> closeables = new ArrayList<>();
        WebServer started = null;
        try {
            WebAuth auth = new WebAuth(users, new Sessions(clock, http.sessionIdle()),
                    new LoginLimiter(clock, LoginLimiter.Limits.DEFAULT));
            List<WebFeature> features = features(new Context(daemon, config, dataDir, clock, auth));
            for (WebFeature f : features) {
                if (f instanceof AutoCloseable a) {
                    closeables.add(a);
                }
            }
            WebServer.Builder b = WebServer.builder().listen(listen.host(), listen.port()).auth(auth).features(features);
            http.https().ifPresent(h -> b.https(WebServer.sslContext(h.keystore(), h.password().reveal().toCharArray())));
            WebServer server = b.build();
            server.start();
            started = server;
            // Only once the server listens: a start that fails must not print a password nobody can use
            users.ensureAdmin().ifPresent(pw -> {
                // the one place a secret is shown: the operator needs it to log in the first time
                console.println("first admin password: " + pw + "   (user 'admin'; shown once, stored hashed;"
                        + " change it with `mibwatch user passwd admin`)");
                console.flush();
                LOG.info("web users: created user 'admin' (first start); its password was printed on the console");
            });
            return new WebWiring(users, server, closeables);
        } catch (RuntimeException e) {
            closeAll(closeables);
            if (started != null) {
                started.close();
            }
            users.close();
            throw e;
        }
    }

    public URI url() {
        return server.url();
    }

    public WebServer server() {
        return server;
    }

    private static void closeAll(List<AutoCloseable> list) {
        for (AutoCloseable c : list) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("web: closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** Ends event streams, stops the server (in-flight requests finish), closes the user database. */
    @Override
    public void close() {
        closeAll(closeables);
        try {
            server.close();
        } finally {
            users.close();
        }
    }
}
