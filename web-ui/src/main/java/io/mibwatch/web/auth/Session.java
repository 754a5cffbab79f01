package io.mibwatch.web.auth;

import io.mibwatch.web.http.Role;
import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in browser session. {@code id} travels in the HttpOnly cookie; {@code csrf} is given
 * to the page by {@code GET /api/session} and must come back in {@code X-CSRF-Token} on every
 * state-changing request (the synchroniser token pattern, OWASP CSRF Prevention Cheat Sheet):
 * another site can make the browser send the cookie, but cannot read the token.
 */
public record Session(String id, String user, Role role, String csrf, Instant created) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(created, "created");
    }

    /** Whether {@code presented} is this session's CSRF token; constant time, so timing tells nothing. */
    public boolean csrfMatches(String presented) {
        return presented != null && java.security.MessageDigest.isEqual(
                csrf.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Session[user=" + user + ", role=" + role.label() + ", created=" + created + "]";
    }
}
