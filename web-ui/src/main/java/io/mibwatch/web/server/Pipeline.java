package io.mibwatch.web.server;

import io.mibwatch.web.auth.WebAuth;
import io.mibwatch.web.http.Access;
import io.mibwatch.web.http.Caller;
import io.mibwatch.web.http.HttpError;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.StaticResource;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.PathTemplateMatch;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request, in this order: off the I/O thread onto a worker (handlers block on SQLite and
 * RRD files), blocking mode, security headers, static assets, route match (404/405), who is
 * calling, access check (401 JSON for the API, a redirect to the login page for pages, 403 for a
 * role that may not), CSRF token for session callers on state-changing routes, then the handler.
 * An {@link HttpError} becomes its JSON error; anything else a 500 whose details go only to the log.
 */
final class Pipeline implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final HttpString CSRF = HttpString.tryFromString(CSRF_HEADER);
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._/-]*");

    private final Routes routes;
    private final WebAuth auth;
    private final Map<String, Optional<StaticResource>> assets = new ConcurrentHashMap<>();

    Pipeline(Routes routes, WebAuth auth) {
        this.routes = routes;
        this.auth = auth;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        SecurityHeaders.apply(exchange);
        try {
            route(exchange);
        } catch (HttpError e) {
            fail(exchange, e.status(), e.getMessage());
        } catch (Exception e) {
            LOG.error("{} {}: {}", exchange.getRequestMethod(), exchange.getRequestPath(), e.toString(), e);
            fail(exchange, 500, "internal error; the details are in the server log");
        }
    }

    private void route(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRelativePath();
        String method = exchange.getRequestMethod().toString();
        if (path.startsWith("/static/")) {
            asset(exchange, path.substring("/static/".length()), method);
            return;
        }
        Routes.Match m = routes.match(path, method)
                .orElseThrow(() -> HttpError.notFound("no such path: " + path));
        if (m.route().isEmpty()) {
            exchange.getResponseHeaders().put(Headers.ALLOW, String.join(", ", m.allowed()));
            throw new HttpError(405, "method " + method + " not allowed on " + path + " (allowed: "
                    + String.join(", ", m.allowed()) + ")");
        }
        Route route = m.route().get();
        exchange.putAttachment(PathTemplateMatch.ATTACHMENT_KEY, new PathTemplateMatch(m.template(), m.parameters()));
        Optional<WebAuth.Identity> who;
        try {
            who = auth.authenticate(exchange);
        } catch (HttpError badToken) {
            if (route.access() != Access.PUBLIC) {
                throw badToken;
            }
            // a public route decides itself what a bearer token means (the /metrics scrape token is no user)
            who = Optional.empty();
        }
        if (who.isPresent()) {
            WebAuth.Identity id = who.get();
            Optional<String> token = WebAuth.bearer(exchange);
            id.caller().attachTo(exchange);
            Caller.attachValidity(exchange, () -> auth.stillValid(id, token));
        }
        if (route.access() != Access.PUBLIC) {
            if (who.isEmpty()) {
                unauthenticated(exchange, route, path);
                return;
            }
            WebAuth.Identity id = who.get();
            if (!id.caller().role().allows(route.access())) {
                throw new HttpError(403, "role " + id.caller().role().label() + " may not " + method + " " + path
                        + " (needs " + route.access().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
            if (route.stateChanging() && id.session().isPresent()
                    && !id.session().get().csrfMatches(exchange.getRequestHeaders().getFirst(CSRF))) {
                LOG.warn("{} {} by '{}' refused: missing or wrong CSRF token", method, path, id.caller().user());
                throw new HttpError(403, "missing or wrong CSRF token (send the session's token in "
                        + CSRF_HEADER + ")");
            }
        }
        if (route.stateChanging() && !sameOrigin(exchange)) {
            throw new HttpError(403, "cross-origin request refused (Origin does not match Host)");
        }
        route.handler().handleRequest(exchange);
    }

    /** API and state-changing calls get 401 JSON; a page visit goes to the login form and comes back. */
    private static void unauthenticated(HttpServerExchange exchange, Route route, String path) {
        if (path.startsWith("/api/") || !route.method().equals("GET")) {
            throw new HttpError(401, "login required (session cookie or Authorization: Bearer token)");
        }
        String q = exchange.getQueryString();
        String back = path + (q == null || q.isEmpty() ? "" : "?" + q);
        exchange.setStatusCode(302);
        exchange.getResponseHeaders().put(Headers.LOCATION,
                "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        exchange.endExchange();
    }

    /**
     * Browsers send Origin on every cross-origin POST/PUT/DELETE (Fetch standard); when it names
     * another host:port than the one asked, the request came from another site's page. A missing
     * Origin (scripts, old clients) is left to the CSRF token and bearer rules.
     */
    static boolean sameOrigin(HttpServerExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        try {
            URI o = URI.create(origin);
            if (o.getHost() == null || host == null) {
                return false;
            }
            int port = o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            String hostOnly = host;
            int hostPort = "https".equals(exchange.getRequestScheme()) ? 443 : 80;
            int colon = host.lastIndexOf(':');
            if (colon > host.lastIndexOf(']')) {
                hostOnly = host.substring(0, colon);
                hostPort = Integer.parseInt(host.substring(colon + 1));
            }
            return o.getHost().equalsIgnoreCase(hostOnly) && port == hostPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void asset(HttpServerExchange exchange, String name, String method) throws Exception {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new HttpError(405, "static assets are read-only");
        }
        if (!ASSET.matcher(name).matches() || name.contains("..")) {
            throw HttpError.notFound("no such asset: " + name);
        }
        Optional<StaticResource> r = assets.computeIfAbsent(name, n -> {
            try {
                return Optional.of(new StaticResource(n));
            } catch (IllegalArgumentException missing) {
                return Optional.empty();
            }
        });
        r.orElseThrow(() -> HttpError.notFound("no such asset: " + name)).handleRequest(exchange);
    }

    private static void fail(HttpServerExchange exchange, int status, String message) {
        if (exchange.isResponseStarted()) {
            // the body is half sent (a stream): the only honest thing left is to cut the connection
            LOG.warn("{} {}: error after the answer started ({}); closing", exchange.getRequestMethod(),
                    exchange.getRequestPath(), message);
            try {
                exchange.getConnection().close();
            } catch (java.io.IOException ignored) {
                // closing a broken connection
            }
            return;
        }
        exchange.getResponseHeaders().remove(Headers.LOCATION);
        if (status == 401 && WebAuth.bearer(exchange).isEmpty()) {
            // RFC 6750 3: tell scripts which scheme works
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"mibwatch\"");
        }
        Json.error(exchange, status, message);
    }
}
