package io.mibwatch.thresholds.store;

import io.mibwatch.thresholds.notify.Delivery;
import io.mibwatch.thresholds.notify.DeliveryLogEntry;
import io.mibwatch.thresholds.notify.Notification;
import io.mibwatch.thresholds.notify.Outbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The alert event store: one SQLite database file ({@code /var/lib/mibwatch/mibwatch.db}) holding
 * the current alerts, the append-only transition history, acks, silences and the notification
 * outbox with its delivery log.
 *
 * <p>Durability: WAL journal with {@code synchronous=FULL}. In WAL mode NORMAL already survives a
 * process crash (kill -9), but a power cut or kernel panic may roll back the last commits, because
 * the WAL is only synced at checkpoints; FULL syncs the WAL on every commit, so a transition whose
 * {@link #apply} returned is on disk. The price is one fsync per evaluation batch, which is small
 * next to a poll interval. WAL also lets the CLI read while the daemon writes.
 *
 * <p>One connection and one lock ({@code Tx}): writes are short, and SQLite serialises writers
 * anyway. Other processes may open the same file; {@code busy_timeout} makes them wait instead of
 * failing. Each table has its own class ({@code AlertsTable}, {@code TransitionsTable},
 * {@code AcksTable}, {@code AckRequestsTable}, {@code SilencesTable}, {@code NotificationsTable},
 * {@code DeliveriesTable}, {@code DeliveryLogTable}, and {@link RedButtonStore}); this class opens
 * the file and says which tables one operation writes in one transaction.
 */
public final class AlertStore implements Outbox, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertStore.class);

    /**
     * @param busyTimeout how long to wait for another process's write lock
     * @param maxBytes    size cap of the database file (SQLite {@code max_page_count}); 0 = none.
     *                    Reaching it fails writes like a full disk, which is how tests exercise that path.
     */
    public record Options(Duration busyTimeout, long maxBytes) {
        public static final Options DEFAULT = new Options(Duration.ofSeconds(5), 0);

        public Options {
            Objects.requireNonNull(busyTimeout, "busyTimeout");
            if (busyTimeout.isNegative() || maxBytes < 0) {
                throw new IllegalArgumentException("busyTimeout and maxBytes must not be negative");
            }
        }
    }

    private final Tx tx;
    private final AlertsTable alerts;
    private final TransitionsTable transitions;
    private final AcksTable acks;
    private final AckRequestsTable ackRequests;
    private final SilencesTable silences;
    private final NotificationsTable notifications;
    private final DeliveriesTable deliveries;
    private final DeliveryLogTable deliveryLog;

    private AlertStore(Path file, Connection conn) {
        this.tx = new Tx(file, conn);
        this.alerts = new AlertsTable(conn);
        this.transitions = new TransitionsTable(conn);
        this.acks = new AcksTable(conn);
        this.ackRequests = new AckRequestsTable(conn);
        this.silences = new SilencesTable(conn);
        this.notifications = new NotificationsTable(conn);
        this.deliveries = new DeliveriesTable(conn);
        this.deliveryLog = new DeliveryLogTable(conn);
    }

    public static AlertStore open(Path file) {
        return open(file, Options.DEFAULT);
    }

    /**
     * Opens (creating if absent) and migrates the database. Fails with a message naming the file
     * when it is not an SQLite database, is corrupt, belongs to another program, or has a schema
     * newer than this code.
     */
    public static AlertStore open(Path file, Options options) {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new AlertStoreException("event store " + abs + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new AlertStoreException("event store " + abs + ": is a directory, expected a database file");
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        // take the write lock at BEGIN: a read-then-write transaction never dies half way with SQLITE_BUSY
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection c;
        try {
            c = cfg.createConnection("jdbc:sqlite:" + abs);
        } catch (SQLException e) {
            throw new AlertStoreException("event store " + abs + ": cannot open: " + Tx.describe(e), e);
        }
        try {
            check(c, abs, options);
            return new AlertStore(abs, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new AlertStoreException("event store " + abs + ": cannot open: " + Tx.describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void check(Connection c, Path abs, Options options) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                String mode = rs.next() ? rs.getString(1) : "?";
                if (!"wal".equalsIgnoreCase(mode)) {
                    LOG.warn("event store {}: journal mode is {}, not WAL (file system without shared memory?)",
                            abs, mode);
                }
            }
            // cheap structural check (no index cross-check): a damaged file is refused here, by name,
            // instead of failing on some later query
            List<String> problems = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                while (rs.next()) {
                    problems.add(rs.getString(1));
                }
            }
            if (!problems.equals(List.of("ok"))) {
                throw new AlertStoreException("event store " + abs + ": database is corrupt: "
                        + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                        + " (restore a backup or move the file away to start empty)");
            }
            if (options.maxBytes() > 0) {
                long pageSize;
                try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                    rs.next();
                    pageSize = rs.getLong(1);
                }
                s.execute("PRAGMA max_page_count = " + Math.max(1, options.maxBytes() / pageSize));
            }
        }
        int version = Migrations.currentVersion(c);
        if (version == 0) {
            List<String> tables = Migrations.userTables(c);
            if (!tables.isEmpty()) {
                throw new AlertStoreException("event store " + abs
                        + ": is an SQLite database but not a mibwatch event store (tables " + tables + ")");
            }
        }
        if (version > Migrations.LATEST) {
            throw new AlertStoreException("event store " + abs + ": schema version " + version
                    + " is newer than this mibwatch supports (" + Migrations.LATEST
                    + "); it was written by a newer release: upgrade mibwatch or restore a backup");
        }
        if (version < Migrations.LATEST) {
            Migrations.migrate(c, Migrations.LATEST);
            LOG.info("event store {}: schema migrated from version {} to {}", abs, version, Migrations.LATEST);
        }
    }

    /** The red button tables (complaints, active periods, suggestions) on this connection. */
    public RedButtonStore redButton() {
        return new RedButtonStore(tx);
    }

    public Path file() {
        return tx.file();
    }

    public int schemaVersion() {
        return tx.read("read the schema version", () -> Migrations.currentVersion(tx.connection()));
    }

    /** {@code PRAGMA integrity_check}: {@code ["ok"]} for a sound database. */
    public List<String> integrityCheck() {
        return tx.read("check integrity", () -> {
            List<String> out = new ArrayList<>();
            try (Statement s = tx.connection().createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- writes

    /** {@link #apply(Batch)} without acks. */
    public List<Long> apply(List<TransitionRow> transitions, List<AlertRow> upserts, List<Notification> outbox) {
        return apply(Batch.of(transitions, upserts, outbox));
    }

    /**
     * Writes the whole batch in one transaction and returns the sequence numbers given to its
     * transitions, in order. When this returns, the batch is durable; when it throws, nothing of
     * the batch is stored and everything stored before is intact.
     */
    public List<Long> apply(Batch batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        return tx.write("record " + batch.transitions().size() + " transition(s), " + batch.upserts().size()
                + " alert(s), " + batch.notifications().size() + " notification(s)", () -> {
            for (AlertRow a : batch.upserts()) {
                alerts.upsert(a);
            }
            List<Long> seqs = transitions.append(batch.transitions());
            for (AckRow a : batch.acks()) {
                acks.insert(a);
            }
            for (Notification n : batch.notifications()) {
                notifications.insert(n);
            }
            return seqs;
        });
    }

    /** Stores a silence; fails if the id exists. */
    public void addSilence(SilenceRow s) {
        tx.write("add silence " + s.id(), () -> {
            silences.insert(s);
            return null;
        });
    }

    /** Deletes a silence; false if there was none with that id. */
    public boolean removeSilence(String id) {
        return tx.write("remove silence " + id, () -> silences.delete(id));
    }

    /** Queues an acknowledgement for the daemon to apply; returns the request id. */
    public long requestAck(AckRow ack) {
        return tx.write("queue ack of " + ack.alertId(), () -> ackRequests.insert(ack));
    }

    /** Records what became of an ack request. */
    public void completeAckRequest(long id, String outcome, Instant at) {
        tx.write("complete ack request " + id, () -> {
            ackRequests.complete(id, outcome, at);
            return null;
        });
    }

    /** Ack requests not yet applied, oldest first. */
    public List<AckRequest> openAckRequests() {
        return tx.read("read ack requests", ackRequests::open);
    }

    public Optional<AckRequest> ackRequest(long id) {
        return tx.read("read ack requests", () -> ackRequests.byId(id));
    }

    // ---------------------------------------------------------------- reads

    /** PENDING and FIRING alerts, by id: what the state machine restores after a restart. */
    public List<AlertRow> activeAlerts() {
        return tx.read("read alerts", alerts::active);
    }

    /** Every stored alert (including RESOLVED/INACTIVE), by id. */
    public List<AlertRow> alerts() {
        return tx.read("read alerts", alerts::all);
    }

    public Optional<AlertRow> alert(String id) {
        return tx.read("read alert " + id, () -> alerts.byId(id));
    }

    /** The transitions of one alert, oldest first. */
    public List<StoredTransition> history(String alertId) {
        return tx.read("read history of " + alertId, () -> transitions.ofAlert(alertId));
    }

    /** The highest transition sequence number (0 when there is none): one indexed lookup, not a scan. */
    public long latestSeq() {
        return tx.read("read latest transition", transitions::latestSeq);
    }

    /** Transitions with a sequence number above {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<StoredTransition> transitionsAfter(long afterSeq, int limit) {
        return tx.read("read transitions", () -> transitions.after(afterSeq, limit));
    }

    /** Every acknowledgement ever recorded, oldest first. */
    public List<AckRow> acks() {
        return tx.read("read acks", acks::all);
    }

    /** Every stored silence (past, current and future), by start then id. */
    public List<SilenceRow> silences() {
        return tx.read("read silences", silences::all);
    }

    // ---------------------------------------------------------------- outbox

    @Override
    public List<Notification> unrouted(int limit) {
        return tx.read("read unrouted notifications", () -> notifications.unrouted(limit));
    }

    /** Every notification ever queued, oldest first (tests, CLI). */
    public List<Notification> notifications() {
        return tx.read("read notifications", notifications::all);
    }

    @Override
    public void route(String notificationId, Set<String> channels, Instant at) {
        tx.write("route notification " + notificationId, () -> {
            notifications.markRouted(notificationId);
            if (channels.isEmpty()) {
                deliveryLog.append(notificationId, "", 0, at, DeliveryLogEntry.Outcome.UNROUTED, "no route matched");
            }
            deliveries.create(notificationId, channels, at);
            return null;
        });
    }

    @Override
    public List<Delivery> due(String channel, Instant now, int limit) {
        return tx.read("read due deliveries of " + channel, () -> deliveries.due(channel, now, limit));
    }

    @Override
    public List<Delivery> pending() {
        return tx.read("read pending deliveries", deliveries::pending);
    }

    @Override
    public void markDelivered(long deliveryId, Instant at) {
        finish(deliveryId, "DELIVERED", null, at, null, DeliveryLogEntry.Outcome.DELIVERED, "");
    }

    @Override
    public void markFailed(long deliveryId, String error, Instant at, Instant nextAttemptAt) {
        finish(deliveryId, "PENDING", error, at, nextAttemptAt, DeliveryLogEntry.Outcome.FAILED, error);
    }

    @Override
    public void giveUp(long deliveryId, String error, Instant at) {
        finish(deliveryId, "GAVE_UP", error, at, null, DeliveryLogEntry.Outcome.GAVE_UP, error);
    }

    /** One attempt's outcome: the delivery's row and the log entry in one transaction. */
    private void finish(long id, String status, String error, Instant at, Instant next,
                        DeliveryLogEntry.Outcome outcome, String detail) {
        tx.write("update delivery " + id, () -> {
            DeliveriesTable.Pending p = deliveries.pending(id);
            int attempt = p.attempts() + 1;
            deliveries.update(id, status, attempt, error, next, at);
            deliveryLog.append(p.notificationId(), p.channel(), attempt, at, outcome, detail);
            return null;
        });
    }

    @Override
    public List<DeliveryLogEntry> log(String notificationId) {
        return tx.read("read notification log of " + notificationId, () -> deliveryLog.of(notificationId));
    }

    @Override
    public void close() {
        tx.close();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing with a better message
        }
    }
}
