package io.mibwatch.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoginLimiterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final LoginLimiter limiter = new LoginLimiter(clock, new LoginLimiter.Limits(3, 5, Duration.ofMinutes(10)));

    /** failures for (user, address) pairs, then whether the probe (user, address) is blocked. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no failures", new String[] {}, "ann", "10.0.0.1", false),
                Arguments.of("2 of 3 for the user", new String[] {"ann@10.0.0.1", "ann@10.0.0.2"}, "ann", "10.0.0.3", false),
                Arguments.of("3 for the user from 3 addresses", new String[] {"ann@10.0.0.1", "ann@10.0.0.2", "ann@10.0.0.3"},
                        "ann", "10.0.0.9", true),
                Arguments.of("user name case folded", new String[] {"Ann@10.0.0.1", "ANN@10.0.0.2", "ann@10.0.0.3"},
                        "aNN", "10.0.0.9", true),
                Arguments.of("other user unaffected", new String[] {"ann@10.0.0.1", "ann@10.0.0.2", "ann@10.0.0.3"},
                        "bob", "10.0.0.9", false),
                Arguments.of("5 users from one address", new String[] {"a@10.0.0.1", "b@10.0.0.1", "c@10.0.0.1",
                        "d@10.0.0.1", "e@10.0.0.1"}, "f", "10.0.0.1", true),
                Arguments.of("4 users from one address", new String[] {"a@10.0.0.1", "b@10.0.0.1", "c@10.0.0.1",
                        "d@10.0.0.1"}, "f", "10.0.0.1", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void blocksPerUserAndPerAddress(String name, String[] failures, String user, String address, boolean blocked) {
        for (String f : failures) {
            String[] ua = f.split("@");
            limiter.failure(ua[0], ua[1]);
        }
        assertEquals(blocked, limiter.blocked(user, address));
    }

    @Test
    void windowSlides() {
        limiter.failure("ann", "10.0.0.1");
        clock.advance(Duration.ofMinutes(6));
        limiter.failure("ann", "10.0.0.1");
        limiter.failure("ann", "10.0.0.1");
        assertTrue(limiter.blocked("ann", "10.0.0.1"));
        clock.advance(Duration.ofMinutes(4));
        assertFalse(limiter.blocked("ann", "10.0.0.1"), "the first failure is 10 minutes old and left the window");
    }

    @Test
    void successClearsTheUserButNotTheAddress() {
        for (int i = 0; i < 2; i++) {
            limiter.failure("ann", "10.0.0.1");
        }
        for (int i = 0; i < 3; i++) {
            limiter.failure("x" + i, "10.0.0.1");
        }
        limiter.success("ann");
        assertTrue(limiter.blocked("ann", "10.0.0.1"), "the address has 5 failures");
        assertFalse(limiter.blocked("ann", "10.0.0.2"), "the user's count was cleared");
    }
}
