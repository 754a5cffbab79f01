package io.mibwatch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowQueueTest {

    record Row(long time, double[] values) {
    }

    static List<Row> drain(RowQueue q) {
        List<Row> out = new ArrayList<>();
        q.drainTo((t, v) -> out.add(new Row(t, v.clone())));
        return out;
    }

    @Test
    void rowsComeOutOldestFirstCopiedAndTheQueueIsReused() {
        RowQueue q = new RowQueue(3, 10, 10);
        double[] row = {1, 2, 3};
        for (int i = 0; i < 7; i++) { // past the initial capacity of 4
            row[0] = i;
            q.add(100 + i, row);
        }
        row[0] = 99; // the queue copied each row
        assertEquals(7, q.size());
        assertEquals(106, q.lastTime());
        List<Row> out = drain(q);
        assertEquals(7, out.size());
        for (int i = 0; i < 7; i++) {
            assertEquals(100 + i, out.get(i).time());
            assertArrayEquals(new double[] {i, 2, 3}, out.get(i).values());
        }
        assertTrue(q.isEmpty());
        assertEquals(Long.MIN_VALUE, q.lastTime());
        q.add(200, new double[] {Double.NaN, 0, -1});
        List<Row> again = drain(q);
        assertEquals(200, again.get(0).time());
        assertTrue(Double.isNaN(again.get(0).values()[0]));
    }

    /** The first limit is the phase, every later one the full row count. */
    @ParameterizedTest(name = "rows {0}, phase {1}")
    @CsvSource({"5,1", "5,3", "5,5", "1,1", "60,17"})
    void firstLimitIsThePhaseThenTheRowCount(int rows, int phase) {
        RowQueue q = new RowQueue(1, rows, phase);
        long t = 0;
        for (int i = 1; i < phase; i++) {
            q.add(++t, new double[] {t});
            assertFalse(q.full(), "full after " + i + " of phase " + phase);
        }
        q.add(++t, new double[] {t});
        assertTrue(q.full());
        assertEquals(phase, drain(q).size());
        for (int i = 1; i < rows; i++) {
            q.add(++t, new double[] {t});
            assertFalse(q.full(), "full after " + i + " of " + rows);
        }
        q.add(++t, new double[] {t});
        assertTrue(q.full());
        assertEquals(rows, drain(q).size());
    }

    /** Files get phases spread evenly, so every poll cycle writes about the same share of them. */
    @ParameterizedTest(name = "rows {0}")
    @CsvSource({"2", "5", "10", "60"})
    void phasesSpreadEvenlyOverRealPaths(int rows) {
        int[] count = new int[rows + 1];
        int files = 12_000;
        for (int d = 0; d < files / 12; d++) {
            for (int i = 1; i <= 12; i++) {
                Path p = Path.of("/var/lib/mibwatch/rrd", String.format("dev%05d", d), "interfaces", i + ".rrd");
                int phase = RowQueue.phase(p, rows);
                assertTrue(phase >= 1 && phase <= rows, "phase " + phase);
                count[phase]++;
            }
        }
        double expected = files / (double) rows;
        for (int ph = 1; ph <= rows; ph++) {
            assertTrue(Math.abs(count[ph] - expected) < expected * 0.25 + 5,
                    "phase " + ph + " has " + count[ph] + " files, expected about " + expected);
        }
    }

    @Test
    void aFailingSinkKeepsWhatItTookAndDropsTheRest() {
        RowQueue q = new RowQueue(1, 5, 5);
        for (int t = 1; t <= 4; t++) {
            q.add(t, new double[] {t});
        }
        List<Long> taken = new ArrayList<>();
        RowQueue.DrainFailure f = assertThrows(RowQueue.DrainFailure.class, () -> q.drainTo((t, v) -> {
            if (t == 3) {
                throw new IllegalStateException("disk says no");
            }
            taken.add(t);
        }));
        assertEquals(List.of(1L, 2L), taken);
        assertEquals(2, f.written);
        assertEquals(2, f.dropped);
        assertTrue(f.getMessage().contains("disk says no"), f.getMessage());
        assertTrue(q.isEmpty());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RowQueue(0, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new RowQueue(2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RowQueue(2, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> new RowQueue(2, 5, 0));
        RowQueue q = new RowQueue(2, 5, 1);
        assertThrows(IllegalArgumentException.class, () -> q.add(1, new double[] {1}));
    }
}
