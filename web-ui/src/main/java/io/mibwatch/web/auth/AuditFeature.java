package io.mibwatch.web.auth;

import io.mibwatch.core.time.DurationText;
import io.mibwatch.web.http.Access;
import io.mibwatch.web.http.HttpError;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.WebFeature;
import io.undertow.server.HttpServerExchange;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit trail for admins:
 * <pre>
 * GET /api/audit?limit=N&amp;before=ID&amp;since=1h|TIME&amp;user=NAME&amp;action=ACTION
 *     {entries: [{id, at, actor, source, action, target, ok, detail}], next_before}
 * </pre>
 * Newest first; {@code next_before} is the id to pass as {@code before} for the next (older) page,
 * absent on the last page. Shown on the admin page {@code /admin/users}.
 */
public final class AuditFeature implements WebFeature {
    static final int DEFAULT_LIMIT = 100;
    private final AuditLog audit;
    private final Clock clock;

    public AuditFeature(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/audit", Access.ADMIN, this::list));
    }

    private void list(HttpServerExchange ex) {
        long asked = Json.query(ex, "limit").map(v -> number("limit", v)).orElse((long) DEFAULT_LIMIT);
        if (asked > AuditQuery.MAX_LIMIT) {
            throw HttpError.badRequest("query parameter 'limit': " + asked + " is more than " + AuditQuery.MAX_LIMIT);
        }
        int limit = (int) asked;
        Optional<Long> before = Json.query(ex, "before").map(v -> number("before", v));
        Optional<Instant> since = Json.query(ex, "since").map(this::since);
        Optional<String> user = Json.query(ex, "user").filter(u -> !u.isEmpty());
        Optional<AuditAction> action = Json.query(ex, "action").filter(a -> !a.isEmpty()).map(a -> {
            try {
                return AuditAction.parse(a);
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("query parameter 'action': " + e.getMessage());
            }
        });
        List<AuditEntry> entries = audit.query(new AuditQuery(since, before, user, action, limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", entries.stream().map(AuditFeature::view).toList());
        if (entries.size() == limit) {
            body.put("next_before", entries.get(entries.size() - 1).id());
        }
        Json.ok(ex, body);
    }

    private static Map<String, Object> view(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", e.at().toString());
        m.put("actor", e.actor());
        m.put("source", e.source());
        m.put("action", e.action().label());
        m.put("target", e.target());
        m.put("ok", e.ok());
        m.put("detail", e.detail());
        return m;
    }

    private static long number(String name, String value) {
        try {
            long n = Long.parseLong(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("query parameter '" + name + "': '" + value + "' is not a positive whole number");
        }
    }

    /** A duration back from now ({@code 1h}) or an ISO-8601 time ({@code 2026-11-21T10:00:00Z}). */
    private Instant since(String value) {
        Optional<java.time.Duration> back = DurationText.parse(value);
        if (back.isPresent()) {
            return clock.instant().minus(back.get());
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest("query parameter 'since': '" + value + "' is neither a duration ("
                    + DurationText.EXAMPLES + ") nor an ISO-8601 time (2026-11-21T10:00:00Z)");
        }
    }
}
