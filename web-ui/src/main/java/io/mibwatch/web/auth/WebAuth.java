package io.mibwatch.web.auth;

import io.mibwatch.web.http.Caller;
import io.mibwatch.web.http.HttpError;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.util.Headers;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling: a session cookie (browsers) or {@code Authorization: Bearer TOKEN} (scripts,
 * RFC 6750). The server asks this before every non-public route.
 */
public final class WebAuth {
    public static final String COOKIE = "mibwatch_session";

    private final UserStore users;
    private final Sessions sessions;
    private final LoginLimiter limiter;

    /**
     * The authenticated caller and, for browser callers, the session (whose CSRF token the
     * server checks on state-changing routes). Token callers have no session and need no CSRF
     * token: a browser never attaches a bearer token on its own, so a forged request cannot carry one.
     */
    public record Identity(Caller caller, Optional<Session> session) {
        public Identity {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(session, "session");
        }
    }

    public WebAuth(UserStore users, Sessions sessions, LoginLimiter limiter) {
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    public UserStore users() {
        return users;
    }

    public Sessions sessions() {
        return sessions;
    }

    public LoginLimiter limiter() {
        return limiter;
    }

    /**
     * The caller, if any. A bearer token that is not valid is an error (401), not "anonymous":
     * a script with a revoked token should learn so instead of seeing a login redirect.
     */
    public Optional<Identity> authenticate(HttpServerExchange exchange) {
        Optional<String> bearer = bearer(exchange);
        if (bearer.isPresent()) {
            User u = users.tokenUser(bearer.get())
                    .orElseThrow(() -> new HttpError(401, "API token not valid (revoked or mistyped)"));
            return Optional.of(new Identity(new Caller(u.name(), u.role(), true), Optional.empty()));
        }
        return sessionOf(exchange).map(s -> new Identity(new Caller(s.user(), s.role(), false), Optional.of(s)));
    }

    /**
     * Whether an identity established earlier still holds: its session is live (not logged out,
     * expired or ended by a role/password change), or its token still belongs to an existing user
     * with the same role.
     */
    public boolean stillValid(Identity id, Optional<String> token) {
        if (id.session().isPresent()) {
            return sessions.live(id.session().get().id());
        }
        return token.flatMap(users::tokenUser).map(u -> u.role() == id.caller().role()).orElse(false);
    }

    public Optional<Session> sessionOf(HttpServerExchange exchange) {
        Cookie c = exchange.getRequestCookie(COOKIE);
        return c == null ? Optional.empty() : sessions.find(c.getValue());
    }

    /** The token of {@code Authorization: Bearer TOKEN}, if that header is given. */
    public static Optional<String> bearer(HttpServerExchange exchange) {
        String h = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(h.substring(7).trim());
    }

    /**
     * The session cookie: HttpOnly (no script can read it), SameSite=Strict (no other site's page
     * can make the browser send it; RFC 6265bis 5.4.7), Secure when served over HTTPS, path /.
     */
    public static void setCookie(HttpServerExchange exchange, String value, int maxAgeSeconds) {
        Cookie c = new CookieImpl(COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSiteMode("Strict").setSecure("https".equals(exchange.getRequestScheme()));
        if (maxAgeSeconds >= 0) {
            c.setMaxAge(maxAgeSeconds);
        }
        exchange.setResponseCookie(c);
    }
}
