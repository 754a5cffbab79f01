package io.mibwatch.web.testdata;

import io.mibwatch.web.http.Caller;
import io.mibwatch.web.http.HttpError;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.WebFeature;
import io.undertow.Undertow;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * A bare Undertow serving the routes of some features for handler tests, on 127.0.0.1 with an
 * ephemeral port. It stands in for the real server only in what handlers rely on: a blocking
 * worker exchange, the caller attached (from the X-Test-User/X-Test-Role headers), the route's
 * access checked and {@link HttpError} turned into {@code {"error": ...}}. Sessions, CSRF and
 * headers are the real server's business and are tested there.
 */
public final class FeatureServer implements AutoCloseable {
    private final Undertow server;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    public FeatureServer(WebFeature... features) {
        RoutingHandler routing = new RoutingHandler();
        for (WebFeature f : features) {
            for (Route r : f.routes()) {
                routing.add(r.method(), r.template(), new BlockingHandler(ex -> {
                    String user = ex.getRequestHeaders().getFirst("X-Test-User");
                    if (user != null) {
                        new Caller(user, Role.parse(ex.getRequestHeaders().getFirst("X-Test-Role")), false).attachTo(ex);
                    }
                    Role role = Caller.of(ex).map(Caller::role).orElse(null);
                    if (role == null ? r.access() != io.mibwatch.web.http.Access.PUBLIC : !role.allows(r.access())) {
                        Json.error(ex, role == null ? 401 : 403, role == null ? "login required" : "forbidden");
                        return;
                    }
                    try {
                        r.handler().handleRequest(ex);
                    } catch (HttpError e) {
                        Json.error(ex, e.status(), e.getMessage());
                    }
                }));
            }
        }
        routing.setFallbackHandler(ex -> Json.error(ex, 404, "no route " + ex.getRequestPath()));
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(routing).build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> get(String path, String user, Role role) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user, role);
    }

    public HttpResponse<String> post(String path, String json, String user, Role role) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), user, role);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String user, Role role) {
        if (user != null) {
            b.header("X-Test-User", user).header("X-Test-Role", role.name());
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static List<WebFeature> list(WebFeature... f) {
        return List.of(f);
    }

    @Override
    public void close() {
        server.stop();
    }
}
