package io.mibwatch.web.auth;

import io.mibwatch.web.http.Access;
import io.mibwatch.web.http.Caller;
import io.mibwatch.web.http.HttpError;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.WebFeature;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login, logout and the session contract of {@code api.js}:
 * <ul>
 * <li>{@code GET /login}: the login form (public).</li>
 * <li>{@code POST /login}: form fields {@code user}, {@code password}, {@code next}; answers 303
 *     to {@code next} (a local path only) or back to the form with {@code ?error=bad|locked}. A JSON
 *     body {@code {"user","password"}} gets JSON back instead ({@code {user, role, csrf}} or 401/429).</li>
 * <li>{@code POST /logout}: ends the session.</li>
 * <li>{@code GET /api/session}: {@code {user, role, csrf}}.</li>
 * </ul>
 */
public final class AuthFeature implements WebFeature {
    private static final Logger LOG = LoggerFactory.getLogger(AuthFeature.class);
    private final WebAuth auth;

    public AuthFeature(WebAuth auth) {
        this.auth = auth;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.page("/login", Access.PUBLIC, "login.html"),
                Route.post("/login", Access.PUBLIC, this::login),
                Route.post("/logout", Access.REPORT, this::logout),
                Route.get("/api/session", Access.REPORT, this::session));
    }

    private record Credentials(String user, String password, String next) {
    }

    private void login(HttpServerExchange exchange) throws IOException {
        boolean json = isJson(exchange);
        Credentials c = json ? jsonCredentials(exchange) : formCredentials(exchange);
        String address = remoteAddress(exchange);
        String next = safeNext(c.next());
        Optional<Duration> locked = auth.limiter().retryAfter(c.user(), address);
        if (locked.isPresent()) {
            // RFC 9110 10.2.3: when to come back, in seconds
            long wait = Math.max(1, locked.get().toSeconds());
            LOG.warn("login refused for user '{}' from {}: locked out for {} s more after too many failed attempts",
                    printable(c.user()), address, wait);
            auth.users().audit().append(c.user(), address, AuditAction.LOGIN_FAILED, c.user(), false,
                    "locked out for " + wait + " s more");
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(wait));
            if (json) {
                Json.error(exchange, 429, "too many failed logins from this address; try again in " + wait + " s");
            } else {
                backToForm(exchange, "locked", next);
            }
            return;
        }
        Optional<User> user = auth.users().verify(c.user(), c.password().toCharArray());
        if (user.isEmpty()) {
            LOG.warn("login failed for user '{}' from {}", printable(c.user()), address);
            auth.users().audit().append(c.user(), address, AuditAction.LOGIN_FAILED, c.user(), false,
                    "wrong user name or password");
            auth.limiter().failure(c.user(), address).ifPresent(l -> LOG.warn(
                    "login lockout #{} of {}: {} locked for {} s (until {}); {} lockout(s) since start",
                    l.strike(), address, l.scope() == LoginLimiter.Scope.ADDRESS ? "every user name from it"
                            : "user '" + printable(c.user()) + "' from it",
                    l.length().toSeconds(), l.until(), auth.limiter().lockouts()));
            if (json) {
                Json.error(exchange, 401, "wrong user name or password");
            } else {
                backToForm(exchange, "bad", next);
            }
            return;
        }
        auth.limiter().success(c.user(), address);
        // a fresh session id at every login: a planted cookie never becomes a logged-in one (session fixation)
        auth.sessionOf(exchange).ifPresent(old -> auth.sessions().remove(old.id()));
        Session s = auth.sessions().create(user.get().name(), user.get().role());
        WebAuth.setCookie(exchange, s.id(), -1);
        LOG.info("login: user '{}' ({}) from {}", s.user(), s.role().label(), address);
        auth.users().audit().append(s.user(), address, AuditAction.LOGIN_OK, s.user(), true, s.role().label());
        if (json) {
            Json.ok(exchange, sessionBody(s.user(), s.role().label(), s.csrf()));
        } else {
            redirect(exchange, next);
        }
    }

    private void logout(HttpServerExchange exchange) {
        auth.sessionOf(exchange).ifPresent(s -> {
            auth.sessions().remove(s.id());
            LOG.info("logout: user '{}'", s.user());
            auth.users().audit().append(s.user(), remoteAddress(exchange), AuditAction.LOGOUT, s.user(), true, "");
        });
        WebAuth.setCookie(exchange, "", 0);
        exchange.setStatusCode(204);
        exchange.endExchange();
    }

    private void session(HttpServerExchange exchange) {
        Caller caller = Caller.required(exchange);
        String csrf = auth.sessionOf(exchange).map(Session::csrf).orElse(null);
        Json.ok(exchange, sessionBody(caller.user(), caller.role().label(), csrf));
    }

    private static Map<String, Object> sessionBody(String user, String role, String csrf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", user);
        m.put("role", role);
        m.put("csrf", csrf);
        return m;
    }

    private static boolean isJson(HttpServerExchange exchange) {
        String ct = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        return ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    private record JsonLogin(String user, String password, String next) {
    }

    private static Credentials jsonCredentials(HttpServerExchange exchange) {
        JsonLogin j = Json.read(exchange, JsonLogin.class);
        if (j.user() == null || j.password() == null) {
            throw HttpError.badRequest("field '" + (j.user() == null ? "user" : "password")
                    + "' is required (a string)");
        }
        return new Credentials(j.user(), j.password(), j.next());
    }

    private static Credentials formCredentials(HttpServerExchange exchange) throws IOException {
        var parser = FormParserFactory.builder().withDefaultCharset("UTF-8").build().createParser(exchange);
        FormData form = parser == null ? null : parser.parseBlocking();
        if (form == null) {
            throw HttpError.badRequest("login expects a form (application/x-www-form-urlencoded) or JSON body");
        }
        return new Credentials(field(form, "user"), field(form, "password"), fieldOrNull(form, "next"));
    }

    private static String field(FormData form, String name) {
        String v = fieldOrNull(form, name);
        return v == null ? "" : v;
    }

    private static String fieldOrNull(FormData form, String name) {
        FormData.FormValue v = form.getFirst(name);
        return v == null || v.isFileItem() ? null : v.getValue();
    }

    /**
     * Where to go after login: only a path on this server ("/devices?x=1"), never another site
     * ("//evil", "https://evil", "/\\evil"), so the login page cannot be used as an open redirect.
     */
    public static String safeNext(String next) {
        if (next == null || next.isEmpty() || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)
                || next.startsWith("/login")) {
            return "/";
        }
        return next;
    }

    private static void backToForm(HttpServerExchange exchange, String error, String next) {
        redirect(exchange, "/login?error=" + error + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    private static void redirect(HttpServerExchange exchange, String location) {
        exchange.setStatusCode(303);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.endExchange();
    }

    static String remoteAddress(HttpServerExchange exchange) {
        InetSocketAddress a = exchange.getSourceAddress();
        return a == null || a.getAddress() == null ? "unknown" : a.getAddress().getHostAddress();
    }

    /** User names come from the network: keep log lines single and readable. */
    private static String printable(String s) {
        String t = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
