package io.mibwatch.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoginLimiterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final LoginLimiter limiter = new LoginLimiter(clock,
            new LoginLimiter.Limits(3, 5, Duration.ofMinutes(10), Duration.ofHours(1)));

    /** failures for (user, address) pairs, then whether the probe (user, address) is blocked. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no failures", new String[] {}, "ann", "10.0.0.1", false),
                Arguments.of("2 of 3 for the user from one address", new String[] {"ann@10.0.0.1", "ann@10.0.0.1"},
                        "ann", "10.0.0.1", false),
                Arguments.of("3 for the user from one address", new String[] {"ann@10.0.0.1", "ann@10.0.0.1",
                        "ann@10.0.0.1"}, "ann", "10.0.0.1", true),
                Arguments.of("user name case folded", new String[] {"Ann@10.0.0.1", "ANN@10.0.0.1", "ann@10.0.0.1"},
                        "aNN", "10.0.0.1", true),
                Arguments.of("3 for the user from 3 addresses lock none of them",
                        new String[] {"ann@10.0.0.1", "ann@10.0.0.2", "ann@10.0.0.3"}, "ann", "10.0.0.3", false),
                Arguments.of("the user locked at one address logs in from another",
                        new String[] {"ann@10.0.0.1", "ann@10.0.0.1", "ann@10.0.0.1"}, "ann", "10.0.0.9", false),
                Arguments.of("other user from the locked pair's address", new String[] {"ann@10.0.0.1",
                        "ann@10.0.0.1", "ann@10.0.0.1"}, "bob", "10.0.0.1", false),
                Arguments.of("5 users from one address", new String[] {"a@10.0.0.1", "b@10.0.0.1", "c@10.0.0.1",
                        "d@10.0.0.1", "e@10.0.0.1"}, "f", "10.0.0.1", true),
                Arguments.of("4 users from one address", new String[] {"a@10.0.0.1", "b@10.0.0.1", "c@10.0.0.1",
                        "d@10.0.0.1"}, "f", "10.0.0.1", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void blocksPerUserAndAddressAndPerAddress(String name, String[] failures, String user, String address,
                                              boolean blocked) {
        for (String f : failures) {
            String[] ua = f.split("@");
            limiter.failure(ua[0], ua[1]);
        }
        assertEquals(blocked, limiter.blocked(user, address));
    }

    @Test
    void wrongPasswordsForAdminFromOneAddressDoNotLockAdminOutFromAnother() {
        for (int i = 0; i < 50; i++) {
            limiter.failure("admin", "203.0.113.66");
        }
        assertTrue(limiter.blocked("admin", "203.0.113.66"));
        assertFalse(limiter.blocked("admin", "10.0.0.2"), "an address with no failures always gets to try");
        assertFalse(limiter.blocked("Admin", "10.0.0.2"));
    }

    @Test
    void theLockoutIsReportedOnceAndCounted() {
        assertEquals(Optional.empty(), limiter.failure("ann", "10.0.0.1"));
        assertEquals(Optional.empty(), limiter.failure("ann", "10.0.0.1"));
        LoginLimiter.Lockout l = limiter.failure("ann", "10.0.0.1").orElseThrow();
        assertEquals(LoginLimiter.Scope.USER_AT_ADDRESS, l.scope());
        assertEquals("10.0.0.1", l.address());
        assertEquals(Duration.ofMinutes(10), l.length());
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), l.until());
        assertEquals(1, l.strike());
        assertEquals(1, limiter.lockouts());
        assertEquals(Optional.of(Duration.ofMinutes(10)), limiter.retryAfter("ann", "10.0.0.1"));
    }

    @Test
    void theAddressLockoutCoversEveryUserName() {
        for (String u : new String[] {"a", "b", "c", "d"}) {
            assertEquals(Optional.empty(), limiter.failure(u, "10.0.0.1"));
        }
        assertEquals(LoginLimiter.Scope.ADDRESS, limiter.failure("e", "10.0.0.1").orElseThrow().scope());
        assertTrue(limiter.blocked("admin", "10.0.0.1"));
        assertFalse(limiter.blocked("admin", "10.0.0.2"));
    }

    @Test
    void theLockoutEndsAfterItsLength() {
        for (int i = 0; i < 3; i++) {
            limiter.failure("ann", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(9));
        assertTrue(limiter.blocked("ann", "10.0.0.1"));
        clock.advance(Duration.ofMinutes(1));
        assertFalse(limiter.blocked("ann", "10.0.0.1"), "10 minutes, the first back-off, have passed");
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        limiter.failure("ann", "10.0.0.1");
        clock.advance(Duration.ofMinutes(10));
        limiter.failure("ann", "10.0.0.1");
        limiter.failure("ann", "10.0.0.1");
        assertFalse(limiter.blocked("ann", "10.0.0.1"), "the first failure left the window");
    }

    @Test
    void backOffDoublesPerAddressUpToTheCap() {
        Duration[] expected = {Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(40),
                Duration.ofHours(1), Duration.ofHours(1)};
        for (int round = 0; round < expected.length; round++) {
            Optional<LoginLimiter.Lockout> l = Optional.empty();
            for (int i = 0; i < 3; i++) {
                // a different user name each round: the back-off belongs to the address
                l = limiter.failure("user" + round, "10.0.0.1");
            }
            assertEquals(expected[round], l.orElseThrow().length(), "lockout " + (round + 1));
            assertEquals(round + 1, l.orElseThrow().strike());
            clock.advance(l.orElseThrow().length());
            assertFalse(limiter.blocked("user" + round, "10.0.0.1"));
        }
        assertEquals(expected.length, limiter.lockouts());
        // another address starts at the first back-off
        for (int i = 0; i < 2; i++) {
            limiter.failure("ann", "10.0.0.2");
        }
        assertEquals(Duration.ofMinutes(10), limiter.failure("ann", "10.0.0.2").orElseThrow().length());
    }

    @Test
    void quietForTheLongestBackOffForgivesEarlierLockouts() {
        for (int i = 0; i < 3; i++) {
            limiter.failure("ann", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(10).plus(Duration.ofMinutes(59)));
        for (int i = 0; i < 2; i++) {
            limiter.failure("ann", "10.0.0.1");
        }
        assertEquals(Duration.ofMinutes(20), limiter.failure("ann", "10.0.0.1").orElseThrow().length(),
                "59 minutes after the lockout ended: the second lockout is twice as long");
        clock.advance(Duration.ofMinutes(20).plus(Duration.ofHours(1)));
        for (int i = 0; i < 2; i++) {
            limiter.failure("ann", "10.0.0.1");
        }
        assertEquals(Duration.ofMinutes(10), limiter.failure("ann", "10.0.0.1").orElseThrow().length(),
                "an hour (the longest back-off) after the last lockout ended: the strikes start again");
    }

    @Test
    void successClearsTheUserAtThatAddressButNotTheAddress() {
        for (int i = 0; i < 2; i++) {
            limiter.failure("ann", "10.0.0.1");
        }
        limiter.failure("x", "10.0.0.1");
        limiter.success("ann", "10.0.0.1");
        limiter.failure("ann", "10.0.0.1");
        assertFalse(limiter.blocked("ann", "10.0.0.1"), "the pair's count was cleared: 1 of 3");
        limiter.failure("y", "10.0.0.1");
        assertTrue(limiter.blocked("ann", "10.0.0.1"), "the address has 5 failures; a success did not reset it");
    }

    @Test
    void limitsNameTheBadValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LoginLimiter.Limits(0, 5, Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("perUserAddress=0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LoginLimiter.Limits(1, 5, Duration.ofMinutes(10), Duration.ofMinutes(5)));
        assertTrue(e.getMessage().contains("PT5M"), e.getMessage());
    }
}
