package io.mibwatch.web.auth;

import io.mibwatch.web.http.Role;
import java.time.Instant;
import java.util.Objects;

/** A web user as listed (never with its password hash). */
public record User(String name, Role role, Instant created) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
    }
}
