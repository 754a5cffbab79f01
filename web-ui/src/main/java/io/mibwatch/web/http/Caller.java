package io.mibwatch.web.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.Objects;

/**
 * Who is calling, attached to the exchange by the server after authentication.
 *
 * @param user  login name (for an API token: the token's owner)
 * @param role  the user's role
 * @param token true when authenticated by a bearer token (scripts) rather than a session
 */
public record Caller(String user, Role role, boolean token) {
    private static final AttachmentKey<Caller> KEY = AttachmentKey.create(Caller.class);

    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
    }

    public void attachTo(HttpServerExchange exchange) {
        exchange.putAttachment(KEY, this);
    }

    /** The authenticated caller; routes with {@link Access#PUBLIC} may have none. */
    public static java.util.Optional<Caller> of(HttpServerExchange exchange) {
        return java.util.Optional.ofNullable(exchange.getAttachment(KEY));
    }

    /** The caller of a non-public route; the server guarantees there is one. */
    public static Caller required(HttpServerExchange exchange) {
        return of(exchange).orElseThrow(() -> new HttpError(401, "login required"));
    }
}
