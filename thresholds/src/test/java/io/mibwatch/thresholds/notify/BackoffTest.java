package io.mibwatch.thresholds.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BackoffTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Backoff B = new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60), 6);

    static Stream<Arguments> schedule() {
        return Stream.of(
                Arguments.of(1, Optional.of(NOW.plusSeconds(10))),
                Arguments.of(2, Optional.of(NOW.plusSeconds(20))),
                Arguments.of(3, Optional.of(NOW.plusSeconds(40))),
                Arguments.of(4, Optional.of(NOW.plusSeconds(60))),   // 80 s capped at max
                Arguments.of(5, Optional.of(NOW.plusSeconds(60))),
                Arguments.of(6, Optional.empty()),                   // the 6th attempt was the last
                Arguments.of(7, Optional.empty()));
    }

    @ParameterizedTest(name = "after {0} failed attempt(s): {1}")
    @MethodSource("schedule")
    void waitsExponentiallyUpToTheCapThenGivesUp(int attemptsMade, Optional<Instant> expected) {
        assertEquals(expected, B.next(attemptsMade, NOW));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(Duration.ZERO, 2.0, Duration.ofSeconds(1), 3, "initial must be positive"),
                Arguments.of(Duration.ofSeconds(5), 2.0, Duration.ofSeconds(1), 3, "max PT1S must be >= initial PT5S"),
                Arguments.of(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 3, "multiplier must be >= 1, got 0.5"),
                Arguments.of(Duration.ofSeconds(1), Double.NaN, Duration.ofSeconds(1), 3, "multiplier must be >= 1"),
                Arguments.of(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(1), 0, "maxAttempts must be >= 1, got 0"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsNonsense(Duration initial, double mult, Duration max, int attempts, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Backoff(initial, mult, max, attempts));
        assertEquals(true, e.getMessage().contains(message), e.getMessage());
    }
}
