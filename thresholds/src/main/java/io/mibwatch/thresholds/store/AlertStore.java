package io.mibwatch.thresholds.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.notify.Delivery;
import io.mibwatch.thresholds.notify.DeliveryLogEntry;
import io.mibwatch.thresholds.notify.Notification;
import io.mibwatch.thresholds.notify.Outbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

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
 * <p>One connection, methods synchronized: writes are short, and SQLite serialises writers anyway.
 * Other processes may open the same file; {@code busy_timeout} makes them wait instead of failing.
 * Instants are stored as epoch milliseconds.
 */
public final class AlertStore implements Outbox, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> LABELS = new TypeReference<>() { };

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

    private final Path file;
    private final Connection conn;

    private AlertStore(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
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
            throw new AlertStoreException("event store " + abs + ": cannot open: " + describe(e), e);
        }
        try {
            check(c, abs, options);
            return new AlertStore(abs, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new AlertStoreException("event store " + abs + ": cannot open: " + describe(e), e);
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
        return new RedButtonStore(conn, this);
    }

    public Path file() {
        return file;
    }

    public synchronized int schemaVersion() {
        return read("read the schema version", () -> Migrations.currentVersion(conn));
    }

    /** {@code PRAGMA integrity_check}: {@code ["ok"]} for a sound database. */
    public synchronized List<String> integrityCheck() {
        return read("check integrity", () -> {
            List<String> out = new ArrayList<>();
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
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
    public synchronized List<Long> apply(Batch batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        return write("record " + batch.transitions().size() + " transition(s), " + batch.upserts().size()
                + " alert(s), " + batch.notifications().size() + " notification(s)", () -> {
            for (AlertRow a : batch.upserts()) {
                upsert(a);
            }
            List<Long> seqs = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO transitions(alert_id, from_state, to_state, severity, at, value, reason)"
                            + " VALUES (?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                for (TransitionRow t : batch.transitions()) {
                    ps.setString(1, t.alertId());
                    ps.setString(2, t.from().name());
                    ps.setString(3, t.to().name());
                    ps.setString(4, t.severity().name());
                    ps.setLong(5, t.at().toEpochMilli());
                    setDouble(ps, 6, t.value());
                    ps.setString(7, t.reason());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        seqs.add(keys.getLong(1));
                    }
                }
            }
            for (AckRow a : batch.acks()) {
                insertAck(a);
            }
            for (Notification n : batch.notifications()) {
                insertNotification(n);
            }
            return seqs;
        });
    }

    private void upsert(AlertRow a) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                INSERT INTO alerts(id, rule, device, series, state, severity, value, since, pending_since,
                  firing_since, resolved_at, ack_user, ack_comment, ack_at, silenced_by, suppressed_by, flapping, labels)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT(id) DO UPDATE SET rule=excluded.rule, device=excluded.device, series=excluded.series,
                  state=excluded.state, severity=excluded.severity, value=excluded.value, since=excluded.since,
                  pending_since=excluded.pending_since, firing_since=excluded.firing_since,
                  resolved_at=excluded.resolved_at, ack_user=excluded.ack_user, ack_comment=excluded.ack_comment,
                  ack_at=excluded.ack_at, silenced_by=excluded.silenced_by, suppressed_by=excluded.suppressed_by,
                  flapping=excluded.flapping, labels=excluded.labels""")) {
            ps.setString(1, a.id());
            ps.setString(2, a.rule());
            ps.setString(3, a.device());
            ps.setString(4, a.series());
            ps.setString(5, a.state().name());
            ps.setString(6, a.severity().name());
            setDouble(ps, 7, a.value());
            ps.setLong(8, a.since().toEpochMilli());
            setInstant(ps, 9, a.pendingSince());
            setInstant(ps, 10, a.firingSince());
            setInstant(ps, 11, a.resolvedAt());
            ps.setString(12, a.ack().map(AckRow::user).orElse(null));
            ps.setString(13, a.ack().map(AckRow::comment).orElse(null));
            setInstant(ps, 14, a.ack().map(AckRow::at));
            ps.setString(15, a.silencedBy().orElse(null));
            ps.setString(16, a.suppressedBy().orElse(null));
            ps.setInt(17, a.flapping() ? 1 : 0);
            ps.setString(18, toJson(a.labels()));
            ps.executeUpdate();
        }
    }

    private void insertAck(AckRow a) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO acks(alert_id, user, comment, at) VALUES (?,?,?,?)")) {
            ps.setString(1, a.alertId());
            ps.setString(2, a.user());
            ps.setString(3, a.comment());
            ps.setLong(4, a.at().toEpochMilli());
            ps.executeUpdate();
        }
    }

    private void insertNotification(Notification n) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO notifications(id, alert_id, kind, severity, title, body, labels, at)"
                        + " VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, n.id());
            ps.setString(2, n.alertId());
            ps.setString(3, n.kind().name());
            ps.setString(4, n.severity().name());
            ps.setString(5, n.title());
            ps.setString(6, n.body());
            ps.setString(7, toJson(n.labels()));
            ps.setLong(8, n.at().toEpochMilli());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e instanceof SQLiteException se && se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
                throw new SQLException("notification id '" + n.id() + "' is already in the outbox", e);
            }
            throw e;
        }
    }

    /** Stores a silence; fails if the id exists. */
    public synchronized void addSilence(SilenceRow s) {
        write("add silence " + s.id(), () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO silences(id, device_glob, metric_glob,"
                    + " label_globs, start_at, end_at, created_by, comment) VALUES (?,?,?,?,?,?,?,?)")) {
                ps.setString(1, s.id());
                ps.setString(2, s.matcher().device());
                ps.setString(3, s.matcher().metric());
                ps.setString(4, toJson(s.matcher().labels()));
                ps.setLong(5, s.start().toEpochMilli());
                ps.setLong(6, s.end().toEpochMilli());
                ps.setString(7, s.createdBy());
                ps.setString(8, s.comment());
                ps.executeUpdate();
            } catch (SQLiteException e) {
                if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                    throw new SQLException("silence id '" + s.id() + "' already exists", e);
                }
                throw e;
            }
            return null;
        });
    }

    /** Deletes a silence; false if there was none with that id. */
    public synchronized boolean removeSilence(String id) {
        return write("remove silence " + id, () -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM silences WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Queues an acknowledgement for the daemon to apply; returns the request id. */
    public synchronized long requestAck(AckRow ack) {
        return write("queue ack of " + ack.alertId(), () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO ack_requests(alert_id, user, comment, at)"
                    + " VALUES (?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, ack.alertId());
                ps.setString(2, ack.user());
                ps.setString(3, ack.comment());
                ps.setLong(4, ack.at().toEpochMilli());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Records what became of an ack request. */
    public synchronized void completeAckRequest(long id, String outcome, Instant at) {
        write("complete ack request " + id, () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE ack_requests SET done_at = ?, outcome = ? WHERE id = ?")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, outcome);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Ack requests not yet applied, oldest first. */
    public synchronized List<AckRequest> openAckRequests() {
        return ackRequests("WHERE done_at IS NULL ORDER BY id");
    }

    public synchronized Optional<AckRequest> ackRequest(long id) {
        return ackRequests("WHERE id = " + id).stream().findFirst();
    }

    private List<AckRequest> ackRequests(String tail) {
        return read("read ack requests", () -> {
            List<AckRequest> out = new ArrayList<>();
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM ack_requests " + tail)) {
                while (rs.next()) {
                    long done = rs.getLong("done_at");
                    Optional<Instant> doneAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(done));
                    out.add(new AckRequest(rs.getLong("id"), new AckRow(rs.getString("alert_id"), rs.getString("user"),
                            rs.getString("comment"), Instant.ofEpochMilli(rs.getLong("at"))), doneAt,
                            Optional.ofNullable(rs.getString("outcome"))));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- reads

    /** PENDING and FIRING alerts, by id: what the state machine restores after a restart. */
    public synchronized List<AlertRow> activeAlerts() {
        return alertsWhere("state IN ('PENDING','FIRING')");
    }

    /** Every stored alert (including RESOLVED/INACTIVE), by id. */
    public synchronized List<AlertRow> alerts() {
        return alertsWhere("1=1");
    }

    public synchronized Optional<AlertRow> alert(String id) {
        return read("read alert " + id, () -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM alerts WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(alertRow(rs)) : Optional.empty();
                }
            }
        });
    }

    private List<AlertRow> alertsWhere(String where) {
        return read("read alerts", () -> {
            List<AlertRow> out = new ArrayList<>();
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM alerts WHERE " + where + " ORDER BY id")) {
                while (rs.next()) {
                    out.add(alertRow(rs));
                }
            }
            return out;
        });
    }

    /** The transitions of one alert, oldest first. */
    public synchronized List<StoredTransition> history(String alertId) {
        return transitionsQuery("read history of " + alertId, "WHERE alert_id = ? ORDER BY seq",
                ps -> ps.setString(1, alertId));
    }

    /** The highest transition sequence number (0 when there is none): one indexed lookup, not a scan. */
    public synchronized long latestSeq() {
        return read("read latest transition", () -> {
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM transitions")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Transitions with a sequence number above {@code afterSeq}, oldest first, at most {@code limit}. */
    public synchronized List<StoredTransition> transitionsAfter(long afterSeq, int limit) {
        return transitionsQuery("read transitions", "WHERE seq > ? ORDER BY seq LIMIT ?", ps -> {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
        });
    }

    private List<StoredTransition> transitionsQuery(String what, String tail, Binder binder) {
        return read(what, () -> {
            List<StoredTransition> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM transitions " + tail)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredTransition(rs.getLong("seq"), new TransitionRow(rs.getString("alert_id"),
                                AlertState.valueOf(rs.getString("from_state")),
                                AlertState.valueOf(rs.getString("to_state")),
                                Severity.valueOf(rs.getString("severity")), Instant.ofEpochMilli(rs.getLong("at")),
                                getDouble(rs, "value"), rs.getString("reason"))));
                    }
                }
            }
            return out;
        });
    }

    /** Every acknowledgement ever recorded, oldest first. */
    public synchronized List<AckRow> acks() {
        return read("read acks", () -> {
            List<AckRow> out = new ArrayList<>();
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM acks ORDER BY seq")) {
                while (rs.next()) {
                    out.add(new AckRow(rs.getString("alert_id"), rs.getString("user"), rs.getString("comment"),
                            Instant.ofEpochMilli(rs.getLong("at"))));
                }
            }
            return out;
        });
    }

    /** Every stored silence (past, current and future), by start then id. */
    public synchronized List<SilenceRow> silences() {
        return read("read silences", () -> {
            List<SilenceRow> out = new ArrayList<>();
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM silences ORDER BY start_at, id")) {
                while (rs.next()) {
                    out.add(new SilenceRow(rs.getString("id"),
                            new SilenceRow.Matcher(rs.getString("device_glob"), rs.getString("metric_glob"),
                                    fromJson(rs.getString("label_globs"))),
                            Instant.ofEpochMilli(rs.getLong("start_at")), Instant.ofEpochMilli(rs.getLong("end_at")),
                            rs.getString("created_by"), rs.getString("comment")));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- outbox

    @Override
    public synchronized List<Notification> unrouted(int limit) {
        return notificationsQuery("read unrouted notifications",
                "SELECT * FROM notifications WHERE routed = 0 ORDER BY seq LIMIT ?", ps -> ps.setInt(1, limit));
    }

    /** Every notification ever queued, oldest first (tests, CLI). */
    public synchronized List<Notification> notifications() {
        return notificationsQuery("read notifications", "SELECT * FROM notifications ORDER BY seq", ps -> { });
    }

    private List<Notification> notificationsQuery(String what, String sql, Binder binder) {
        return read(what, () -> {
            List<Notification> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(notification(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void route(String notificationId, Set<String> channels, Instant at) {
        write("route notification " + notificationId, () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE notifications SET routed = 1 WHERE id = ? AND routed = 0")) {
                ps.setString(1, notificationId);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("notification '" + notificationId + "' is unknown or already routed");
                }
            }
            if (channels.isEmpty()) {
                log(notificationId, "", 0, at, DeliveryLogEntry.Outcome.UNROUTED, "no route matched");
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO deliveries(notification_id, channel,"
                    + " status, attempts, next_attempt_at) VALUES (?, ?, 'PENDING', 0, ?)")) {
                for (String ch : new TreeSet<>(channels)) {
                    ps.setString(1, notificationId);
                    ps.setString(2, ch);
                    ps.setLong(3, at.toEpochMilli());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public synchronized List<Delivery> due(String channel, Instant now, int limit) {
        return deliveries("read due deliveries of " + channel,
                "WHERE d.status = 'PENDING' AND d.channel = ? AND d.next_attempt_at <= ?"
                        + " ORDER BY d.next_attempt_at, d.id LIMIT ?", ps -> {
                    ps.setString(1, channel);
                    ps.setLong(2, now.toEpochMilli());
                    ps.setInt(3, limit);
                });
    }

    @Override
    public synchronized List<Delivery> pending() {
        return deliveries("read pending deliveries", "WHERE d.status = 'PENDING' ORDER BY d.next_attempt_at, d.id",
                ps -> { });
    }

    private List<Delivery> deliveries(String what, String tail, Binder binder) {
        return read(what, () -> {
            List<Delivery> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT n.*, d.id AS d_id, d.channel AS d_channel,"
                    + " d.attempts AS d_attempts, d.next_attempt_at AS d_next FROM deliveries d"
                    + " JOIN notifications n ON n.id = d.notification_id " + tail)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Delivery(rs.getLong("d_id"), notification(rs), rs.getString("d_channel"),
                                rs.getInt("d_attempts"), Instant.ofEpochMilli(rs.getLong("d_next"))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void markDelivered(long deliveryId, Instant at) {
        finish(deliveryId, "DELIVERED", null, at, null, DeliveryLogEntry.Outcome.DELIVERED, "");
    }

    @Override
    public synchronized void markFailed(long deliveryId, String error, Instant at, Instant nextAttemptAt) {
        finish(deliveryId, "PENDING", error, at, nextAttemptAt, DeliveryLogEntry.Outcome.FAILED, error);
    }

    @Override
    public synchronized void giveUp(long deliveryId, String error, Instant at) {
        finish(deliveryId, "GAVE_UP", error, at, null, DeliveryLogEntry.Outcome.GAVE_UP, error);
    }

    private void finish(long id, String status, String error, Instant at, Instant next,
                        DeliveryLogEntry.Outcome outcome, String detail) {
        write("update delivery " + id, () -> {
            String notificationId;
            String channel;
            int attempt;
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT notification_id, channel, attempts FROM deliveries WHERE id = ? AND status = 'PENDING'")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("delivery " + id + " is unknown or no longer pending");
                    }
                    notificationId = rs.getString(1);
                    channel = rs.getString(2);
                    attempt = rs.getInt(3) + 1;
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE deliveries SET status = ?, attempts = ?,"
                    + " last_error = ?, next_attempt_at = coalesce(?, next_attempt_at), done_at = ? WHERE id = ?")) {
                ps.setString(1, status);
                ps.setInt(2, attempt);
                ps.setString(3, error);
                if (next == null) {
                    ps.setNull(4, Types.INTEGER);
                } else {
                    ps.setLong(4, next.toEpochMilli());
                }
                if ("PENDING".equals(status)) {
                    ps.setNull(5, Types.INTEGER);
                } else {
                    ps.setLong(5, at.toEpochMilli());
                }
                ps.setLong(6, id);
                ps.executeUpdate();
            }
            log(notificationId, channel, attempt, at, outcome, detail);
            return null;
        });
    }

    private void log(String notificationId, String channel, int attempt, Instant at,
                     DeliveryLogEntry.Outcome outcome, String detail) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO notification_log(notification_id, channel,"
                + " attempt, at, outcome, detail) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, notificationId);
            ps.setString(2, channel);
            ps.setInt(3, attempt);
            ps.setLong(4, at.toEpochMilli());
            ps.setString(5, outcome.name());
            ps.setString(6, detail);
            ps.executeUpdate();
        }
    }

    @Override
    public synchronized List<DeliveryLogEntry> log(String notificationId) {
        return read("read notification log of " + notificationId, () -> {
            List<DeliveryLogEntry> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT * FROM notification_log WHERE notification_id = ? ORDER BY seq")) {
                ps.setString(1, notificationId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DeliveryLogEntry(rs.getString("notification_id"), rs.getString("channel"),
                                rs.getInt("attempt"), Instant.ofEpochMilli(rs.getLong("at")),
                                DeliveryLogEntry.Outcome.valueOf(rs.getString("outcome")), rs.getString("detail")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new AlertStoreException("event store " + file + ": close failed: " + describe(e), e);
        }
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private <T> T read(String what, Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new AlertStoreException("event store " + file + ": cannot " + what + ": " + describe(e), e);
        }
    }

    /** Runs {@code work} in one transaction; on any failure rolls back and names the file. */
    private <T> T write(String what, Work<T> work) {
        try {
            conn.setAutoCommit(false);
            T result;
            try {
                result = work.run();
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(e);
                restoreAutoCommit(e);
                throw e;
            }
            conn.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new AlertStoreException("event store " + file + ": cannot " + what
                    + " (nothing of it was stored): " + describe(e), e);
        }
    }

    /**
     * Some errors (SQLITE_FULL, SQLITE_IOERR) make SQLite roll the transaction back by itself, after
     * which the driver's own COMMIT in setAutoCommit(true) fails; that must not hide the real error.
     */
    private void restoreAutoCommit(Exception cause) {
        try {
            conn.setAutoCommit(true);
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private void rollback(Exception cause) {
        try {
            conn.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    /** A short reason users can act on; the SQLite text follows for the details. */
    static String describe(SQLException e) {
        Throwable t = e;
        while (t != null && !(t instanceof SQLiteException)) {
            t = t.getCause();
        }
        if (!(t instanceof SQLiteException se)) {
            return e.getMessage();
        }
        String own = se == e ? "" : e.getMessage() + "; ";
        String hint = switch (se.getResultCode().code & 0xff) {
            case 13 -> "disk full (or the size cap reached): ";   // SQLITE_FULL
            case 26 -> "not an SQLite database: ";                // SQLITE_NOTADB
            case 11 -> "database is corrupt: ";                   // SQLITE_CORRUPT
            case 8 -> "read-only (permissions?): ";               // SQLITE_READONLY
            case 14 -> "cannot open the file: ";                  // SQLITE_CANTOPEN
            case 5, 6 -> "locked by another process: ";           // SQLITE_BUSY / SQLITE_LOCKED
            case 10 -> "I/O error: ";                             // SQLITE_IOERR
            default -> "";
        };
        return own + hint + se.getMessage();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing with a better message
        }
    }

    private static AlertRow alertRow(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        String ackUser = rs.getString("ack_user");
        Optional<AckRow> ack = ackUser == null ? Optional.empty()
                : Optional.of(new AckRow(id, ackUser, rs.getString("ack_comment"),
                        Instant.ofEpochMilli(rs.getLong("ack_at"))));
        return new AlertRow(id, rs.getString("rule"), rs.getString("device"), rs.getString("series"),
                AlertState.valueOf(rs.getString("state")), Severity.valueOf(rs.getString("severity")),
                getDouble(rs, "value"), Instant.ofEpochMilli(rs.getLong("since")),
                getInstant(rs, "pending_since"), getInstant(rs, "firing_since"), getInstant(rs, "resolved_at"),
                ack, Optional.ofNullable(rs.getString("silenced_by")), Optional.ofNullable(rs.getString("suppressed_by")),
                rs.getInt("flapping") != 0, fromJson(rs.getString("labels")));
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        return new Notification(rs.getString("id"), rs.getString("alert_id"),
                NotificationKind.valueOf(rs.getString("kind")), Severity.valueOf(rs.getString("severity")),
                rs.getString("title"), rs.getString("body"), fromJson(rs.getString("labels")),
                Instant.ofEpochMilli(rs.getLong("at")));
    }

    private static void setDouble(PreparedStatement ps, int i, OptionalDouble v) throws SQLException {
        if (v.isPresent()) {
            ps.setDouble(i, v.getAsDouble());
        } else {
            ps.setNull(i, Types.REAL);
        }
    }

    private static OptionalDouble getDouble(ResultSet rs, String col) throws SQLException {
        double d = rs.getDouble(col);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    private static void setInstant(PreparedStatement ps, int i, Optional<Instant> v) throws SQLException {
        if (v.isPresent()) {
            ps.setLong(i, v.get().toEpochMilli());
        } else {
            ps.setNull(i, Types.INTEGER);
        }
    }

    private static Optional<Instant> getInstant(ResultSet rs, String col) throws SQLException {
        long ms = rs.getLong(col);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
    }

    private static String toJson(Map<String, String> labels) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(labels));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels are plain strings and always serialise", e);
        }
    }

    private static Map<String, String> fromJson(String text) throws SQLException {
        try {
            return JSON.readValue(text, LABELS);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored labels are not a JSON object of strings: " + text, e);
        }
    }
}
