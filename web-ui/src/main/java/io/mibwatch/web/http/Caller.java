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
    private static final AttachmentKey<java.util.function.BooleanSupplier> VALID =
            AttachmentKey.create(java.util.function.BooleanSupplier.class);

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

    /**
     * Whether the caller's login still holds (session not ended or expired, token not revoked).
     * Long-lived answers (event streams) ask it from time to time and end when it says no; it is
     * cheap but not free, so not on every event.
     */
    public static java.util.function.BooleanSupplier validity(HttpServerExchange exchange) {
        java.util.function.BooleanSupplier v = exchange.getAttachment(VALID);
        return v == null ? () -> true : v;
    }

    /** Set by the server next to the caller. */
    public static void attachValidity(HttpServerExchange exchange, java.util.function.BooleanSupplier validity) {
        exchange.putAttachment(VALID, validity);
    }

    /** The caller of a non-public route; the server guarantees there is one. */
    public static Caller required(HttpServerExchange exchange) {
        return of(exchange).orElseThrow(() -> new HttpError(401, "login required"));
    }
}
