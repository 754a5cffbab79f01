package io.mibwatch.poller.snmp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutstandingGateTest {

    @Test
    void runsUpToTheLimitAndQueuesTheRestInOrder() {
        OutstandingGate gate = new OutstandingGate();
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            gate.submit(2, () -> started.add(n));
        }
        assertEquals(List.of(0, 1), started);
        assertEquals(2, gate.inFlight());
        assertEquals(3, gate.waiting());

        gate.release();
        assertEquals(List.of(0, 1, 2), started);
        gate.release();
        gate.release();
        assertEquals(List.of(0, 1, 2, 3, 4), started);
        assertEquals(2, gate.inFlight());
        gate.release();
        gate.release();
        assertEquals(0, gate.inFlight());
        assertEquals(0, gate.waiting());
    }

    @Test
    void tasksThatFinishImmediatelyDoNotRecurse() {
        // each task releases its slot at once (as a request that fails to send does);
        // 100k of them must neither overflow the stack nor leave slots taken
        OutstandingGate gate = new OutstandingGate();
        int[] ran = {0};
        for (int i = 0; i < 100_000; i++) {
            gate.submit(1, () -> {
                ran[0]++;
                gate.release();
            });
        }
        assertEquals(100_000, ran[0]);
        assertEquals(0, gate.inFlight());
        assertEquals(0, gate.waiting());
    }
}
