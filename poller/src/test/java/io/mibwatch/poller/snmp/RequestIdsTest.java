package io.mibwatch.poller.snmp;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    @Test
    void requestIdsAreNotSequentialNorRepeatedNorZero() {
        RequestIds ids = new RequestIds(new Random(42));
        Set<Integer> seen = new HashSet<>();
        int previous = ids.next();
        seen.add(previous);
        int consecutive = 0;
        for (int i = 1; i < 100_000; i++) {
            int id = ids.next();
            assertTrue(id > 0, "request-id " + id + " at " + i);
            if (Math.abs((long) id - previous) <= 1) {
                consecutive++;
            }
            seen.add(id);
            previous = id;
        }
        assertEquals(100_000, seen.size(), "all distinct");
        assertTrue(consecutive <= 2, consecutive + " consecutive ids differ by at most 1");
    }

    @Test
    void requestIdsStayPositiveAndDistinctWhereTheCounterWraps() {
        // a generator whose every int is -2: the counter starts two below its wrap to 0
        RandomGenerator nearWrap = () -> 0xFFFF_FFFE_0000_0000L;
        RequestIds ids = new RequestIds(nearWrap);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            int id = ids.next();
            assertTrue(id > 0, "request-id " + id + " at " + i);
            assertTrue(seen.add(id), "request-id " + id + " repeated at " + i);
        }
    }

    @Test
    void differentSeedsGiveDifferentSequences() {
        RequestIds a = new RequestIds(new Random(1));
        RequestIds b = new RequestIds(new Random(2));
        int same = 0;
        for (int i = 0; i < 1000; i++) {
            if (a.next() == b.next()) {
                same++;
            }
        }
        assertTrue(same <= 1, same + " ids equal");
    }
}
