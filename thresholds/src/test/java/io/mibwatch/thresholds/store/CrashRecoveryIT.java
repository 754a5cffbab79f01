package io.mibwatch.thresholds.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.thresholds.notify.Notification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of writing: a child JVM ({@link CrashWriter}) applies batches in a loop and
 * reports each one after commit; the test SIGKILLs it (Process.destroyForcibly), reopens the file
 * and checks that it is sound and that every reported transition and notification is there, with
 * the acks, silences and active alerts of all earlier rounds.
 */
class CrashRecoveryIT {

    private static final int ROUNDS = 3;
    private static final int COMMITS_BEFORE_KILL = 150;

    @TempDir
    Path dir;

    @Test
    void everyTransitionReportedAsCommittedSurvivesSigkill() throws Exception {
        Path db = dir.resolve("mibwatch.db");
        Map<Long, String> committed = new LinkedHashMap<>();   // transition seq -> notification id
        int expectedActive = 0;
        int unreported = 0;   // batches committed after the child's last printed line, over all rounds
        for (int round = 0; round < ROUNDS; round++) {
            // stdout goes to a file: what the child wrote before dying stays readable after the kill
            Path out = dir.resolve("child-" + round + ".out");
            Process child = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                    CrashWriter.class.getName(), db.toString(), Integer.toString(round))
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (lineCount(out) < COMMITS_BEFORE_KILL + 1) {
                    assertTrue(child.isAlive(), "child died early, exit " + (child.isAlive() ? "" : child.exitValue()));
                    assertTrue(System.nanoTime() < deadline, "child too slow");
                    Thread.sleep(5);
                }
            } finally {
                child.destroyForcibly();   // SIGKILL on Unix: no shutdown hooks, no close()
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
            List<String> lines = new ArrayList<>(Files.readAllLines(out));
            // the child sees everything earlier rounds left active: restored on open
            assertEquals("ready " + (expectedActive + 1), lines.remove(0), "round " + round);
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).matches("committed \\d+ \\S+")) {
                lines.remove(lines.size() - 1);   // killed in the middle of printing a line
            }
            for (String l : lines) {
                String[] p = l.split(" ");
                assertEquals("committed", p[0], l);
                committed.put(Long.parseLong(p[1]), p[2]);
            }
            expectedActive += 1 + lines.size();   // the acked alert + one PENDING alert per batch

            try (AlertStore store = AlertStore.open(db)) {
                assertEquals(List.of("ok"), store.integrityCheck(), "round " + round);
                Map<Long, StoredTransition> stored = store.transitionsAfter(0, Integer.MAX_VALUE).stream()
                        .collect(Collectors.toMap(StoredTransition::seq, t -> t));
                Set<String> notifications = store.notifications().stream().map(Notification::id)
                        .collect(Collectors.toCollection(HashSet::new));
                for (Map.Entry<Long, String> c : committed.entrySet()) {
                    assertTrue(stored.containsKey(c.getKey()), "transition " + c.getKey() + " lost");
                    assertTrue(notifications.contains(c.getValue()), "notification " + c.getValue() + " lost");
                }
                // at most one batch committed after the last line the child managed to print
                int extra = stored.size() - committed.size() - unreported;
                assertTrue(extra == 0 || extra == 1, "unreported commits: " + extra);
                expectedActive += extra;
                unreported += extra;
                assertEquals(expectedActive, store.activeAlerts().size(), "round " + round);
                assertEquals(round + 1, store.acks().size());
                assertEquals(round + 1, store.silences().size());
                // every committed transition has its notification waiting in the outbox
                assertEquals(stored.size(), store.unrouted(Integer.MAX_VALUE).size());
            }
        }
    }

    private static long lineCount(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
