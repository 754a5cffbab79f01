package io.mibwatch.web.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Which audit entries to list, newest first.
 *
 * @param since  only entries at or after this time
 * @param before only entries with an id below this one (the next page after the last id seen)
 * @param actor  only this actor
 * @param action only this action
 * @param limit  at most this many (1..{@link #MAX_LIMIT})
 */
public record AuditQuery(Optional<Instant> since, Optional<Long> before, Optional<String> actor,
                         Optional<AuditAction> action, int limit) {
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    /** The newest {@code limit} entries. */
    public static AuditQuery latest(int limit) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }
}
