package io.mibwatch.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Login throttling (OWASP Authentication Cheat Sheet, "Login Throttling"; NIST SP 800-63B 5.2.2
 * asks for at most 100 failed attempts per account): failures are counted in a sliding window
 * per user name and per remote address. The per-user limit stops guessing one account from many
 * addresses; the per-address limit stops one host trying many accounts. A success clears the
 * user's count but not the address's, so a valid login cannot be used to reset a spraying run.
 */
public final class LoginLimiter {

    /**
     * @param perUser    failures per user name within the window before further attempts are refused
     * @param perAddress failures per remote address within the window
     * @param window     sliding window length
     */
    public record Limits(int perUser, int perAddress, Duration window) {
        public static final Limits DEFAULT = new Limits(5, 20, Duration.ofMinutes(15));

        public Limits {
            if (perUser < 1 || perAddress < 1) {
                throw new IllegalArgumentException("login limits must be at least 1, got perUser=" + perUser
                        + " perAddress=" + perAddress);
            }
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("login limit window must be positive, got " + window);
            }
        }
    }

    /** Bounds memory under a flood of made-up user names: oldest keys are dropped beyond this. */
    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Limits limits;
    private final Map<String, Deque<Instant>> users = new HashMap<>();
    private final Map<String, Deque<Instant>> addresses = new HashMap<>();

    public LoginLimiter(Clock clock, Limits limits) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public Limits limits() {
        return limits;
    }

    /** Whether an attempt for this user from this address must be refused without checking the password. */
    public synchronized boolean blocked(String user, String address) {
        Instant now = clock.instant();
        return count(users, key(user), now) >= limits.perUser()
                || count(addresses, address, now) >= limits.perAddress();
    }

    public synchronized void failure(String user, String address) {
        Instant now = clock.instant();
        add(users, key(user), now);
        add(addresses, address, now);
    }

    public synchronized void success(String user) {
        users.remove(key(user));
    }

    /** User names compare case-insensitively here so "Admin" and "admin" share one budget. */
    private static String key(String user) {
        return user == null ? "" : user.toLowerCase(java.util.Locale.ROOT);
    }

    private int count(Map<String, Deque<Instant>> map, String key, Instant now) {
        Deque<Instant> d = map.get(key);
        if (d == null) {
            return 0;
        }
        Instant from = now.minus(limits.window());
        while (!d.isEmpty() && !d.peekFirst().isAfter(from)) {
            d.pollFirst();
        }
        if (d.isEmpty()) {
            map.remove(key);
            return 0;
        }
        return d.size();
    }

    private void add(Map<String, Deque<Instant>> map, String key, Instant now) {
        count(map, key, now);
        if (map.size() >= MAX_KEYS && !map.containsKey(key)) {
            Instant from = now.minus(limits.window());
            map.values().removeIf(d -> d.isEmpty() || !d.peekLast().isAfter(from));
        }
        map.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
    }
}
