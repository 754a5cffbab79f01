package io.mibwatch.web.auth;

import io.mibwatch.web.http.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in memory: a restart logs everyone out, which is acceptable for an appliance and
 * keeps session ids out of any file. A session ends after {@code idleTimeout} without a request
 * (OWASP Session Management Cheat Sheet: idle timeouts of 15-30 minutes for most applications;
 * a NOC wall screen stays alive because its event stream keeps polling).
 */
public final class Sessions {
    private final Clock clock;
    private final Duration idleTimeout;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();

    private static final class Entry {
        final Session session;
        volatile Instant lastSeen;

        Entry(Session session, Instant lastSeen) {
            this.session = session;
            this.lastSeen = lastSeen;
        }
    }

    public Sessions(Clock clock, Duration idleTimeout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("session idle timeout must be positive, got " + idleTimeout);
        }
        this.idleTimeout = idleTimeout;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** A new session with fresh random id and CSRF token (256 bits each). */
    public Session create(String user, Role role) {
        Instant now = clock.instant();
        purge(now);
        Session s = new Session(randomToken(), user, role, randomToken(), now);
        byId.put(s.id(), new Entry(s, now));
        return s;
    }

    /** The live session with this id, refreshing its idle timer; expired sessions are dropped. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Entry e = byId.get(id);
        if (e == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(e, now)) {
            byId.remove(id, e);
            return Optional.empty();
        }
        e.lastSeen = now;
        return Optional.of(e.session);
    }

    /** Whether the session is still live, without counting this as use (its idle timer is left alone). */
    public boolean live(String id) {
        Entry e = id == null ? null : byId.get(id);
        return e != null && !expired(e, clock.instant());
    }

    public void remove(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** Ends every session of the user (password changed, role changed or user removed). */
    public void removeUser(String user) {
        byId.values().removeIf(e -> e.session.user().equals(user));
    }

    public int size() {
        return byId.size();
    }

    private boolean expired(Entry e, Instant now) {
        return !now.isBefore(e.lastSeen.plus(idleTimeout));
    }

    private void purge(Instant now) {
        byId.values().removeIf(e -> expired(e, now));
    }

    private String randomToken() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
