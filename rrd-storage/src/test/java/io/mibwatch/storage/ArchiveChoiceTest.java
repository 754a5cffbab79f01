package io.mibwatch.storage;

import io.mibwatch.storage.ArchiveChoice.Candidate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArchiveChoiceTest {

    // a file last updated at NOW with the stock 60 s layout: first rows (now - (rows-1) * step)
    static final long NOW = 1_800_000_000L / 86_400 * 86_400;
    static final Candidate MIN1 = new Candidate(0, 60, NOW - 2879L * 60);
    static final Candidate MIN5 = new Candidate(1, 300, NOW - 4031L * 300);
    static final Candidate HOUR = new Candidate(2, 3600, NOW - 2231L * 3600);
    static final Candidate DAY = new Candidate(3, 86400, NOW - 1097L * 86400);
    static final List<Candidate> STOCK = List.of(DAY, MIN1, HOUR, MIN5); // order in file must not matter

    static Stream<Arguments> choices() {
        long hour = 3600, day = 86400;
        return Stream.of(
                Arguments.of("60 s, last hour -> 1-minute", 60L, NOW - hour, MIN1),
                Arguments.of("1 s asked -> finest there is", 1L, NOW - hour, MIN1),
                Arguments.of("90 s -> next coarser, 5-minute", 90L, NOW - hour, MIN5),
                Arguments.of("60 s, 3 days ago -> 1-minute does not reach, 5-minute", 60L, NOW - 3 * day, MIN5),
                Arguments.of("60 s, exactly the oldest 1-minute row", 60L, MIN1.firstRow(), MIN1),
                Arguments.of("60 s, one row older than the 1-minute archive", 60L, MIN1.firstRow() - 60, MIN5),
                Arguments.of("300 s, 30 days ago -> hourly", 300L, NOW - 30 * day, HOUR),
                Arguments.of("3600 s, 200 days ago -> daily", 3600L, NOW - 200 * day, DAY),
                Arguments.of("60 s, 10 years ago: nothing reaches, daily reaches furthest", 60L, NOW - 3650 * day, DAY),
                Arguments.of("a week asked: coarser than all -> daily", 7 * day, NOW - hour, DAY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("choices")
    void choosesArchive(String name, long resolution, long from, Candidate expected) {
        assertEquals(expected, ArchiveChoice.choose(STOCK, resolution, from));
    }
}
