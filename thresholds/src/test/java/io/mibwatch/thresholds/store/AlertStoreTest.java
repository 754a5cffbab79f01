package io.mibwatch.thresholds.store;

import static io.mibwatch.thresholds.store.Rows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.notify.DeliveryLogEntry;
import io.mibwatch.thresholds.notify.Notification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertStoreTest {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("mibwatch.db");
    }

    @Test
    void migratesAnEmptyFileToTheLatestSchemaInWalMode() throws SQLException {
        try (AlertStore store = AlertStore.open(db())) {
            assertEquals(Migrations.LATEST, store.schemaVersion());
            assertEquals(List.of("ok"), store.integrityCheck());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement s = c.createStatement()) {
            assertEquals("wal", scalar(s, "PRAGMA journal_mode"));
            assertEquals(List.of("1", "2", "3", "4"), column(s, "SELECT version FROM schema_version ORDER BY version"));
            assertEquals(List.of("ack_requests", "acks", "active_periods", "alerts", "complaints", "deliveries",
                            "notification_log", "notifications", "schema_version", "silences", "suggestions",
                            "transitions"),
                    column(s, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                            + " ORDER BY name"));
        }
    }

    @Test
    void migratesAVersion1DatabaseKeepingItsRows() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db())) {
            Migrations.migrate(c, 1);
            assertEquals(1, Migrations.currentVersion(c));
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO alerts(id, rule, device, series, state, severity, since, labels)"
                        + " VALUES ('a1', 'cpu-high', 'core1', 'cpu//load5', 'FIRING', 'CRITICAL', 1000, '{\"k\":\"v\"}')");
                s.executeUpdate("INSERT INTO silences VALUES ('s1', 'core*', '*', '{}', 0, 5000, 'ann', 'ticket 42')");
            }
        }
        try (AlertStore store = AlertStore.open(db())) {
            assertEquals(Migrations.LATEST, store.schemaVersion());
            AlertRow a = store.activeAlerts().get(0);
            assertEquals("a1", a.id());
            assertEquals(AlertState.FIRING, a.state());
            assertEquals(Severity.CRITICAL, a.severity());
            assertEquals(Map.of("k", "v"), a.labels());
            assertEquals("ticket 42", store.silences().get(0).comment());
            assertEquals(List.of(), store.unrouted(10)); // the v2 tables exist and are empty
        }
    }

    @Test
    void refusesADatabaseWrittenByANewerRelease() throws SQLException {
        AlertStore.open(db()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version VALUES (99, 'from the future', '2030-01-01')");
        }
        AlertStoreException e = assertThrows(AlertStoreException.class, () -> AlertStore.open(db()));
        assertTrue(e.getMessage().contains(db().toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("schema version 99 is newer than this mibwatch supports (4)"),
                e.getMessage());
    }

    @Test
    void refusesAnotherProgramsSqliteDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE moz_places(id INTEGER)");
        }
        AlertStoreException e = assertThrows(AlertStoreException.class, () -> AlertStore.open(db()));
        assertTrue(e.getMessage().contains("not a mibwatch event store (tables [moz_places])"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotSqliteNamingIt() throws Exception {
        Files.writeString(db(), "devices:\n  - name: core1\n".repeat(200));
        AlertStoreException e = assertThrows(AlertStoreException.class, () -> AlertStore.open(db()));
        assertTrue(e.getMessage().startsWith("event store " + db().toAbsolutePath() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("not an SQLite database"), e.getMessage());
        assertEquals("devices:\n  - name: core1\n".repeat(200), Files.readString(db()), "the file is left alone");
    }

    @Test
    void refusesACorruptDatabaseNamingIt() throws Exception {
        try (AlertStore store = AlertStore.open(db())) {
            for (int i = 0; i < 200; i++) {
                store.apply(List.of(Rows.transition("dev" + i, AlertState.INACTIVE, AlertState.PENDING, T0)),
                        List.of(Rows.pending("dev" + i, T0)), List.of());
            }
        }
        // after a clean close the WAL is checkpointed into the main file; scribble over its b-tree pages
        byte[] bytes = Files.readAllBytes(db());
        assertTrue(bytes.length > 8 * 4096, "test needs a multi-page database, got " + bytes.length);
        for (int i = 4096 + 16; i < bytes.length - 4096; i += 7) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(db(), bytes);
        AlertStoreException e = assertThrows(AlertStoreException.class, () -> AlertStore.open(db()));
        assertTrue(e.getMessage().startsWith("event store " + db().toAbsolutePath() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void refusesAMissingDirectoryNamingIt() {
        Path file = dir.resolve("no/such/dir/mibwatch.db");
        AlertStoreException e = assertThrows(AlertStoreException.class, () -> AlertStore.open(file));
        assertEquals("event store " + file.toAbsolutePath() + ": directory " + file.getParent().toAbsolutePath()
                + " does not exist", e.getMessage());
    }

    @Test
    void appliesABatchAtomically() {
        try (AlertStore store = AlertStore.open(db())) {
            Notification n1 = Rows.notification("n1", "core1", NotificationKind.FIRING, T0);
            store.apply(List.of(), List.of(), List.of(n1));

            AlertRow a = Rows.pending("core2", T0);
            TransitionRow t = Rows.transition("core2", AlertState.INACTIVE, AlertState.PENDING, T0);
            Notification dup = Rows.notification("n1", "core2", NotificationKind.FIRING, T0);
            AlertStoreException e = assertThrows(AlertStoreException.class,
                    () -> store.apply(List.of(t), List.of(a), List.of(dup)));
            assertTrue(e.getMessage().contains("nothing of it was stored"), e.getMessage());
            assertTrue(e.getMessage().contains("notification id 'n1' is already in the outbox"), e.getMessage());

            assertEquals(List.of(), store.alerts(), "the upsert was rolled back");
            assertEquals(List.of(), store.history(a.id()), "the transition was rolled back");
            assertEquals(List.of(n1), store.notifications());

            // and the connection is usable afterwards
            List<Long> seqs = store.apply(List.of(t), List.of(a), List.of());
            assertEquals(1, seqs.size());
            assertEquals(List.of(new StoredTransition(seqs.get(0), t)), store.history(a.id()));
        }
    }

    @Test
    void aWriteRefusedForAnotherProcessLockIsRetryableAndLeavesTheNextBatchAtomic() throws SQLException {
        try (AlertStore store = AlertStore.open(db(), new AlertStore.Options(Duration.ZERO, 0))) {
            Notification n1 = Rows.notification("n1", "core1", NotificationKind.FIRING, T0);
            store.apply(List.of(), List.of(), List.of(n1));
            AlertRow a = Rows.pending("core2", T0);
            TransitionRow t = Rows.transition("core2", AlertState.INACTIVE, AlertState.PENDING, T0);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db());
                 Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                AlertStoreException busy = assertThrows(AlertStoreException.class,
                        () -> store.apply(List.of(t), List.of(a), List.of()));
                assertTrue(busy.retryable(), busy.getMessage());
                s.execute("ROLLBACK");
            }
            // the lock is gone; a batch that fails half way must still store nothing of itself
            Notification dup = Rows.notification("n1", "core2", NotificationKind.FIRING, T0);
            AlertStoreException e = assertThrows(AlertStoreException.class,
                    () -> store.apply(List.of(t), List.of(a), List.of(dup)));
            assertFalse(e.retryable(), "refused for its data: " + e.getMessage());
            assertEquals(List.of(), store.alerts(), "the upsert was rolled back");
            assertEquals(List.of(), store.history(a.id()), "the transition was rolled back");
        }
    }

    @Test
    void restoresActiveAlertsAcksAndSilencesAfterReopen() {
        AlertRow firing = Rows.pending("core1", T0).withState(AlertState.FIRING, T0.plusSeconds(300))
                .withSeverity(Severity.CRITICAL, OptionalDouble.of(97.25));
        AckRow ack = new AckRow(firing.id(), "ann", "looking, ticket 4711", T0.plusSeconds(400));
        AlertRow acked = firing.withAck(ack);
        AlertRow pending = Rows.pending("edge7", T0.plusSeconds(10));
        AlertRow resolved = Rows.pending("sw3", T0).withState(AlertState.FIRING, T0.plusSeconds(60))
                .withState(AlertState.RESOLVED, T0.plusSeconds(120));
        SilenceRow silence = new SilenceRow("s-1", new SilenceRow.Matcher("core*", "load?", Map.of("site", "fra*")),
                T0, T0.plus(Duration.ofHours(2)), "bob", "maintenance CHG-1");
        List<TransitionRow> ts = List.of(
                Rows.transition("core1", AlertState.PENDING, AlertState.FIRING, T0.plusSeconds(300)),
                Rows.transition("edge7", AlertState.INACTIVE, AlertState.PENDING, T0.plusSeconds(10)),
                Rows.transition("sw3", AlertState.FIRING, AlertState.RESOLVED, T0.plusSeconds(120)));
        try (AlertStore store = AlertStore.open(db())) {
            store.apply(new Batch(ts, List.of(acked, pending, resolved), List.of(ack), List.of()));
            store.addSilence(silence);
        }
        try (AlertStore store = AlertStore.open(db())) {
            assertEquals(List.of(acked, pending), store.activeAlerts());
            assertEquals(List.of(acked, pending, resolved), store.alerts());
            assertEquals(Optional.of(acked), store.alert(acked.id()));
            assertEquals(List.of(ack), store.acks());
            assertEquals(List.of(silence), store.silences());
            assertEquals(ts.get(0), store.history(acked.id()).get(0).row());
            assertEquals(ts, store.transitionsAfter(0, 10).stream().map(StoredTransition::row).toList());
        }
    }

    @Test
    void transitionsAreAppendOnlyInTheDatabaseItself() throws SQLException {
        try (AlertStore store = AlertStore.open(db())) {
            store.apply(List.of(Rows.transition("core1", AlertState.INACTIVE, AlertState.PENDING, T0)),
                    List.of(), List.of());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            SQLException upd = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE transitions SET reason='x'"));
            assertTrue(upd.getMessage().contains("transitions are append-only"), upd.getMessage());
            SQLException del = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM transitions"));
            assertTrue(del.getMessage().contains("transitions are append-only"), del.getMessage());
        }
    }

    @Test
    void aFullDiskFailsTheBatchNamingTheFileAndKeepsWhatWasStored() {
        List<Long> stored = new ArrayList<>();
        String big = "x".repeat(2000);
        AlertStoreException full;
        try (AlertStore store = AlertStore.open(db(), new AlertStore.Options(Duration.ofSeconds(1), 256 * 1024))) {
            full = assertThrows(AlertStoreException.class, () -> {
                for (int i = 0; i < 10_000; i++) {
                    TransitionRow t = new TransitionRow("a" + i, AlertState.INACTIVE, AlertState.PENDING,
                            Severity.WARNING, T0.plusSeconds(i), OptionalDouble.empty(), big);
                    stored.addAll(store.apply(List.of(t), List.of(), List.of()));
                }
            });
            // the store stays usable for reads
            assertEquals(stored.size(), store.transitionsAfter(0, 100_000).size());
        }
        assertTrue(full.getMessage().startsWith("event store " + db().toAbsolutePath() + ": "), full.getMessage());
        assertTrue(full.getMessage().contains("disk full"), full.getMessage());
        assertTrue(full.getMessage().contains("nothing of it was stored"), full.getMessage());
        assertTrue(stored.size() > 10, "the cap allowed a few batches first: " + stored.size());
        try (AlertStore store = AlertStore.open(db())) {
            assertEquals(List.of("ok"), store.integrityCheck());
            assertEquals(stored, store.transitionsAfter(0, 100_000).stream().map(StoredTransition::seq).toList());
            assertEquals(stored.get(stored.size() - 1), store.latestSeq(), "latest = last stored seq");
        }
    }

    @Test
    void latestSeqOfAnEmptyStoreIsZero() {
        try (AlertStore store = AlertStore.open(db())) {
            assertEquals(0, store.latestSeq());
        }
    }

    @Test
    void silencesCanBeAddedListedAndRemoved() {
        SilenceRow s = new SilenceRow("s-9", SilenceRow.Matcher.device("core1"), T0, T0.plusSeconds(60), "ann", "");
        try (AlertStore store = AlertStore.open(db())) {
            store.addSilence(s);
            AlertStoreException dup = assertThrows(AlertStoreException.class, () -> store.addSilence(s));
            assertTrue(dup.getMessage().contains("silence id 's-9' already exists"), dup.getMessage());
            assertEquals(List.of(s), store.silences());
            assertTrue(store.removeSilence("s-9"));
            assertFalse(store.removeSilence("s-9"));
            assertEquals(List.of(), store.silences());
        }
    }

    @Test
    void outboxRoutesRetriesDeliversAndLogs() {
        Notification n = Rows.notification("n-7", "core1", NotificationKind.FIRING, T0);
        Notification lonely = Rows.notification("n-8", "core1", NotificationKind.RESOLVED, T0);
        try (AlertStore store = AlertStore.open(db())) {
            store.apply(List.of(), List.of(), List.of(n, lonely));
            assertEquals(List.of(n, lonely), store.unrouted(10));
            store.route("n-7", Set.of("webhook", "email"), T0);
            store.route("n-8", Set.of(), T0);
            assertEquals(List.of(), store.unrouted(10));
            assertThrows(AlertStoreException.class, () -> store.route("n-7", Set.of("x"), T0));

            var due = store.due("webhook", T0, 10);
            assertEquals(1, due.size());
            assertEquals(n, due.get(0).notification());
            assertEquals(0, due.get(0).attempts());
            long id = due.get(0).id();
            store.markFailed(id, "503 from receiver", T0, T0.plusSeconds(2));
            assertEquals(List.of(), store.due("webhook", T0.plusSeconds(1), 10));
            assertEquals(1, store.due("webhook", T0.plusSeconds(2), 10).get(0).attempts());
            store.markDelivered(id, T0.plusSeconds(2));
            assertEquals(List.of(), store.due("webhook", T0.plusSeconds(99), 10));
            assertThrows(AlertStoreException.class, () -> store.markDelivered(id, T0.plusSeconds(3)));

            long mail = store.due("email", T0, 10).get(0).id();
            store.giveUp(mail, "550 no such user", T0.plusSeconds(1));
            assertEquals(List.of(), store.pending());

            assertEquals(List.of(
                    new DeliveryLogEntry("n-7", "webhook", 1, T0, DeliveryLogEntry.Outcome.FAILED, "503 from receiver"),
                    new DeliveryLogEntry("n-7", "webhook", 2, T0.plusSeconds(2), DeliveryLogEntry.Outcome.DELIVERED, ""),
                    new DeliveryLogEntry("n-7", "email", 1, T0.plusSeconds(1), DeliveryLogEntry.Outcome.GAVE_UP,
                            "550 no such user")), store.log("n-7"));
            assertEquals(List.of(new DeliveryLogEntry("n-8", "", 0, T0, DeliveryLogEntry.Outcome.UNROUTED,
                    "no route matched")), store.log("n-8"));
        }
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> column(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
