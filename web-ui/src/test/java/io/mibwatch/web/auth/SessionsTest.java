package io.mibwatch.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.time.ManualClock;
import io.mibwatch.web.http.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30));

    @Test
    void sessionLivesWhileUsedAndEndsAfterIdleTimeout() {
        Session s = sessions.create("ann", Role.OPERATOR);
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id()).isPresent(), "used within the idle timeout");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id()).isPresent(), "each use restarts the idle timer");
        clock.advance(Duration.ofMinutes(30));
        assertFalse(sessions.find(s.id()).isPresent(), "idle for exactly the timeout: ended");
        assertEquals(0, sessions.size());
    }

    @Test
    void liveDoesNotCountAsUse() {
        Session s = sessions.create("ann", Role.VIEWER);
        clock.advance(Duration.ofMinutes(20));
        assertTrue(sessions.live(s.id()));
        clock.advance(Duration.ofMinutes(10));
        assertFalse(sessions.live(s.id()), "asking whether it lives did not restart the idle timer");
        assertFalse(sessions.live(null));
    }

    @Test
    void idsAndCsrfTokensAreDistinctAndLong() {
        Session a = sessions.create("ann", Role.VIEWER);
        Session b = sessions.create("ann", Role.VIEWER);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrf(), b.csrf());
        assertNotEquals(a.id(), a.csrf());
        assertEquals(43, a.id().length(), "256 bits in unpadded base64url");
        assertFalse(a.toString().contains(a.id()), "toString must not leak the session id");
        assertFalse(a.toString().contains(a.csrf()), "toString must not leak the CSRF token");
    }

    @Test
    void removeUserEndsAllItsSessionsOnly() {
        Session a1 = sessions.create("ann", Role.VIEWER);
        Session a2 = sessions.create("ann", Role.VIEWER);
        Session b = sessions.create("bob", Role.VIEWER);
        sessions.removeUser("ann");
        assertFalse(sessions.find(a1.id()).isPresent());
        assertFalse(sessions.find(a2.id()).isPresent());
        assertTrue(sessions.find(b.id()).isPresent());
    }

    @Test
    void unknownOrNullIdFindsNothing() {
        assertFalse(sessions.find(null).isPresent());
        assertFalse(sessions.find("nope").isPresent());
    }

    @Test
    void nonPositiveTimeoutIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Sessions(clock, Duration.ZERO));
    }

    static Stream<Arguments> csrfCases() {
        return Stream.of(
                Arguments.of("same token", "TOKEN", true),
                Arguments.of("missing header", null, false),
                Arguments.of("empty header", "", false),
                Arguments.of("other token", "TOKEM", false),
                Arguments.of("prefix only", "TOK", false),
                Arguments.of("longer", "TOKENX", false),
                Arguments.of("case differs", "token", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csrfCases")
    void csrfTokenMustMatchExactly(String name, String presented, boolean ok) {
        Session s = new Session("id", "ann", Role.OPERATOR, "TOKEN", clock.instant());
        assertEquals(ok, s.csrfMatches(presented));
    }
}
