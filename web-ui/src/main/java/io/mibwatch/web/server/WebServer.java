package io.mibwatch.web.server;

import io.mibwatch.web.auth.WebAuth;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.WebFeature;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Undertow server of the web UI, built from {@link WebFeature}s. One listener, HTTP or
 * HTTPS (a keystore in PKCS#12 or JKS). Routing, access, CSRF and errors are in {@link Pipeline}.
 *
 * <pre>
 * WebServer s = WebServer.builder().listen("127.0.0.1", 8080).auth(auth)
 *         .feature(new AuthFeature(auth)).feature(alerts).build();
 * s.start();   // s.url() -> http://127.0.0.1:8080/
 * </pre>
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Undertow undertow;
    private final String host;
    private final int port;
    private final boolean https;
    private final Routes routes;
    private volatile InetSocketAddress bound;

    private WebServer(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.https = b.ssl != null;
        this.routes = new Routes(b.features);
        Undertow.Builder u = Undertow.builder()
                .setHandler(new Pipeline(routes, b.auth))
                .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerThreads(b.workerThreads)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 1024L * 1024)
                .setServerOption(UndertowOptions.ENABLE_HTTP2, b.ssl != null);
        if (b.ssl != null) {
            u.addHttpsListener(b.port, b.host, b.ssl);
        } else {
            u.addHttpListener(b.port, b.host);
        }
        this.undertow = u.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; fails naming the address when it cannot bind. */
    public void start() {
        try {
            undertow.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("web server: cannot listen on " + (host.contains(":") ? "[" + host + "]" : host)
                    + ":" + port + ": " + e.getMessage(), e);
        }
        bound = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        LOG.info("web server listening on {} ({} routes)", url(), routes.all().size());
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return Objects.requireNonNull(bound, "server not started").getPort();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080/}; a wildcard address shows as localhost. */
    public URI url() {
        String h = host;
        if (h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]")) {
            h = "localhost";
        } else if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return URI.create((https ? "https" : "http") + "://" + h + ":" + port() + "/");
    }

    public List<Route> routes() {
        return routes.all();
    }

    @Override
    public void close() {
        undertow.stop();
        LOG.info("web server stopped");
    }

    /** An SSLContext from a keystore file; errors name the file, never the password. */
    public static SSLContext sslContext(Path keystore, char[] password) {
        if (!Files.isReadable(keystore)) {
            throw new IllegalArgumentException("https keystore " + keystore + " does not exist or is not readable");
        }
        try {
            KeyStore ks;
            try {
                ks = KeyStore.getInstance(keystore.toFile(), password);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("https keystore " + keystore
                        + ": cannot load (wrong password or not a PKCS#12/JKS file): " + e.getMessage(), e);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("https keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private SSLContext ssl;
        private WebAuth auth;
        private int workerThreads = 64;
        private final List<WebFeature> features = new ArrayList<>();

        public Builder listen(String host, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("listen port must be 0..65535, got " + port);
            }
            this.host = Objects.requireNonNull(host, "host");
            this.port = port;
            return this;
        }

        public Builder https(SSLContext context) {
            this.ssl = context;
            return this;
        }

        public Builder auth(WebAuth auth) {
            this.auth = auth;
            return this;
        }

        public Builder feature(WebFeature feature) {
            features.add(Objects.requireNonNull(feature, "feature"));
            return this;
        }

        public Builder features(List<? extends WebFeature> list) {
            list.forEach(this::feature);
            return this;
        }

        /** Worker threads for blocking handlers (SQLite, RRD reads); event streams do not hold one. */
        public Builder workerThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("worker threads must be at least 1, got " + n);
            }
            this.workerThreads = n;
            return this;
        }

        public WebServer build() {
            Objects.requireNonNull(auth, "auth");
            return new WebServer(this);
        }
    }
}
