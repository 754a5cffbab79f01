package io.mibwatch.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Login throttling (OWASP Authentication Cheat Sheet, "Login Throttling"): failures are counted
 * in a sliding window per (user name, remote address) and per remote address. Reaching either
 * limit locks that key out for a back-off that doubles with each lockout of the same address
 * (the window, then twice it, ... up to {@link Limits#maxBackoff()}), so a host that keeps
 * guessing waits longer each round.
 *
 * <p>There is deliberately no limit per user name alone: it let anyone lock any account out for
 * everybody (five wrong passwords for {@code admin} from one host refused the right password
 * from every other host). An address with no failures can therefore always log in, which keeps
 * the admin's way in open during an attack; guessing one account from many hosts is slowed by
 * bcrypt's cost per attempt and by each host's own limits. A success clears the (user, address)
 * count but not the address's, so a valid login cannot be used to reset a spraying run.
 */
public final class LoginLimiter {

    /**
     * @param perUserAddress failures of one user name from one address within the window before it is locked
     * @param perAddress     failures from one address (any user names) within the window before it is locked
     * @param window         sliding window length, and the length of an address's first lockout
     * @param maxBackoff     the longest lockout, however often an address was locked before
     */
    public record Limits(int perUserAddress, int perAddress, Duration window, Duration maxBackoff) {
        public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofHours(24);
        public static final Limits DEFAULT = new Limits(5, 20, Duration.ofMinutes(15), DEFAULT_MAX_BACKOFF);

        public Limits {
            if (perUserAddress < 1 || perAddress < 1) {
                throw new IllegalArgumentException("login limits must be at least 1, got perUserAddress="
                        + perUserAddress + " perAddress=" + perAddress);
            }
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("login limit window must be positive, got " + window);
            }
            if (maxBackoff.compareTo(window) < 0) {
                throw new IllegalArgumentException("login maxBackoff " + maxBackoff + " is shorter than the window "
                        + window);
            }
        }

        /** With the default longest back-off. */
        public Limits(int perUserAddress, int perAddress, Duration window) {
            this(perUserAddress, perAddress, window, DEFAULT_MAX_BACKOFF.compareTo(window) < 0 ? window
                    : DEFAULT_MAX_BACKOFF);
        }
    }

    /** What a failure started: a lockout of one user name from one address, or of the whole address. */
    public enum Scope { USER_AT_ADDRESS, ADDRESS }

    /**
     * A lockout that a failure started.
     *
     * @param strike how many lockouts this address has had (1 for the first); its back-off grows with it
     */
    public record Lockout(Scope scope, String address, Duration length, Instant until, int strike) {
    }

    /** Bounds memory under a flood of made-up user names: stale keys are dropped beyond this. */
    private static final int MAX_KEYS = 10_000;

    /** Failures in the window and, once locked, until when. */
    private static final class Key {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
    }

    /** An address's key plus its lockout history, which sets the next back-off. */
    private static final class AddressKey {
        final Key key = new Key();
        int strikes;
        /** When the address's latest lockout ended (or ends). */
        Instant lastLockoutEnd = Instant.MIN;
    }

    private final Clock clock;
    private final Limits limits;
    private final Map<String, Key> pairs = new HashMap<>();
    private final Map<String, AddressKey> addresses = new HashMap<>();
    private long lockouts;

    public LoginLimiter(Clock clock, Limits limits) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public Limits limits() {
        return limits;
    }

    /** Whether an attempt for this user from this address must be refused without checking the password. */
    public boolean blocked(String user, String address) {
        return retryAfter(user, address).isPresent();
    }

    /** How long attempts for this user from this address are still refused; empty if they are not. */
    public synchronized Optional<Duration> retryAfter(String user, String address) {
        Instant now = clock.instant();
        Instant until = Instant.MIN;
        Key pair = pairs.get(pairKey(user, address));
        if (pair != null && pair.lockedUntil.isAfter(now)) {
            until = pair.lockedUntil;
        }
        AddressKey a = addresses.get(address);
        if (a != null && a.key.lockedUntil.isAfter(now) && a.key.lockedUntil.isAfter(until)) {
            until = a.key.lockedUntil;
        }
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /**
     * Counts a failed login; returns the lockout it started, if it reached a limit (the caller
     * logs it: this class sees user names but must not decide how they are printed).
     */
    public synchronized Optional<Lockout> failure(String user, String address) {
        Instant now = clock.instant();
        prune(now);
        AddressKey a = addresses.computeIfAbsent(address, k -> new AddressKey());
        Key pair = pairs.computeIfAbsent(pairKey(user, address), k -> new Key());
        if (!a.lastLockoutEnd.plus(limits.maxBackoff()).isAfter(now)) {
            // as long as the longest back-off without a lockout forgives the address its earlier ones
            a.strikes = 0;
        }
        boolean pairFull = add(pair, now) >= limits.perUserAddress();
        boolean addressFull = add(a.key, now) >= limits.perAddress();
        if (!pairFull && !addressFull) {
            return Optional.empty();
        }
        a.strikes++;
        Duration length = backoff(a.strikes);
        Instant until = now.plus(length);
        a.lastLockoutEnd = until;
        lockouts++;
        if (addressFull) {
            a.key.failures.clear();
            a.key.lockedUntil = until;
        }
        if (pairFull) {
            pair.failures.clear();
            pair.lockedUntil = until;
        }
        return Optional.of(new Lockout(addressFull ? Scope.ADDRESS : Scope.USER_AT_ADDRESS, address, length, until,
                a.strikes));
    }

    /** A successful login clears this user's failures from this address (not the address's own count). */
    public synchronized void success(String user, String address) {
        pairs.remove(pairKey(user, address));
    }

    /** Lockouts started since this limiter was made (for the appliance's health view). */
    public synchronized long lockouts() {
        return lockouts;
    }

    /** window * 2^(strike-1), capped at the longest back-off. */
    Duration backoff(int strike) {
        Duration d = limits.window();
        for (int i = 1; i < strike && d.compareTo(limits.maxBackoff()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(limits.maxBackoff()) > 0 ? limits.maxBackoff() : d;
    }

    /** User names compare case-insensitively here so "Admin" and "admin" share one budget. */
    private static String pairKey(String user, String address) {
        return (user == null ? "" : user.toLowerCase(Locale.ROOT)) + "\u0000" + address;
    }

    /** Adds a failure at {@code now} after dropping those that left the window; returns the count. */
    private int add(Key k, Instant now) {
        Instant from = now.minus(limits.window());
        while (!k.failures.isEmpty() && !k.failures.peekFirst().isAfter(from)) {
            k.failures.pollFirst();
        }
        k.failures.addLast(now);
        return k.failures.size();
    }

    private void prune(Instant now) {
        if (pairs.size() >= MAX_KEYS) {
            pairs.values().removeIf(k -> stale(k, now));
        }
        if (addresses.size() >= MAX_KEYS) {
            addresses.values().removeIf(a -> stale(a.key, now) && !a.lastLockoutEnd.plus(limits.maxBackoff()).isAfter(now));
        }
    }

    private boolean stale(Key k, Instant now) {
        return !k.lockedUntil.isAfter(now)
                && (k.failures.isEmpty() || !k.failures.peekLast().isAfter(now.minus(limits.window())));
    }
}
