package io.mibwatch.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mibwatch.core.time.ManualClock;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.testing.Http;
import io.mibwatch.web.testing.TestWeb;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The idle timeout over HTTP, on a manual clock: use keeps a session alive, idleness ends it. */
class SessionExpiryIT {
    @Test
    void idleSessionsEnd() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
        try (TestWeb web = TestWeb.builder().clock(clock).idleTimeout(Duration.ofMinutes(15)).start()) {
            Http viewer = web.http(Role.VIEWER);
            clock.advance(Duration.ofMinutes(14));
            assertEquals(200, viewer.get("/api/session").statusCode());
            clock.advance(Duration.ofMinutes(14));
            assertEquals(200, viewer.get("/api/session").statusCode(), "the last request restarted the timer");
            clock.advance(Duration.ofMinutes(15));
            assertEquals(401, viewer.get("/api/session").statusCode());
        }
    }
}
