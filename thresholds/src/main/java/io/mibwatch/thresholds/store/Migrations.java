package io.mibwatch.thresholds.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The event store's schema as numbered migrations, applied in order, each in its own
 * transaction together with its {@code schema_version} row, so a crash mid-upgrade leaves the
 * database at the previous version (SQLite DDL is transactional). Never edit a released
 * migration: add a new one.
 */
final class Migrations {

    /** One step: its number, a description, the statements. */
    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> ALL = List.of(
            new Migration(1, "alerts, transitions, acks, silences", List.of(
                    """
                    CREATE TABLE alerts (
                      id            TEXT PRIMARY KEY,
                      rule          TEXT NOT NULL,
                      device        TEXT NOT NULL,
                      series        TEXT NOT NULL,
                      state         TEXT NOT NULL CHECK (state IN ('INACTIVE','PENDING','FIRING','RESOLVED')),
                      severity      TEXT NOT NULL,
                      value         REAL,
                      since         INTEGER NOT NULL,
                      pending_since INTEGER,
                      firing_since  INTEGER,
                      resolved_at   INTEGER,
                      ack_user      TEXT,
                      ack_comment   TEXT,
                      ack_at        INTEGER,
                      silenced_by   TEXT,
                      suppressed_by TEXT,
                      flapping      INTEGER NOT NULL DEFAULT 0,
                      labels        TEXT NOT NULL DEFAULT '{}'
                    )""",
                    "CREATE INDEX alerts_state ON alerts(state)",
                    // history: AUTOINCREMENT so a sequence number is never reused, even after deletes
                    """
                    CREATE TABLE transitions (
                      seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                      alert_id   TEXT NOT NULL,
                      from_state TEXT NOT NULL,
                      to_state   TEXT NOT NULL,
                      severity   TEXT NOT NULL,
                      at         INTEGER NOT NULL,
                      value      REAL,
                      reason     TEXT NOT NULL
                    )""",
                    "CREATE INDEX transitions_alert ON transitions(alert_id, seq)",
                    // append-only is enforced by the database, not by convention
                    """
                    CREATE TRIGGER transitions_no_update BEFORE UPDATE ON transitions
                    BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END""",
                    """
                    CREATE TRIGGER transitions_no_delete BEFORE DELETE ON transitions
                    BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END""",
                    """
                    CREATE TABLE acks (
                      seq      INTEGER PRIMARY KEY AUTOINCREMENT,
                      alert_id TEXT NOT NULL,
                      user     TEXT NOT NULL,
                      comment  TEXT NOT NULL,
                      at       INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE silences (
                      id             TEXT PRIMARY KEY,
                      device_glob    TEXT NOT NULL,
                      metric_glob    TEXT NOT NULL,
                      label_globs    TEXT NOT NULL,
                      start_at       INTEGER NOT NULL,
                      end_at         INTEGER NOT NULL CHECK (end_at > start_at),
                      created_by     TEXT NOT NULL,
                      comment        TEXT NOT NULL
                    )""")),
            new Migration(2, "notification outbox, deliveries, notification log", List.of(
                    """
                    CREATE TABLE notifications (
                      seq      INTEGER PRIMARY KEY AUTOINCREMENT,
                      id       TEXT NOT NULL UNIQUE,
                      alert_id TEXT NOT NULL,
                      kind     TEXT NOT NULL,
                      severity TEXT NOT NULL,
                      title    TEXT NOT NULL,
                      body     TEXT NOT NULL,
                      labels   TEXT NOT NULL,
                      at       INTEGER NOT NULL,
                      routed   INTEGER NOT NULL DEFAULT 0
                    )""",
                    "CREATE INDEX notifications_unrouted ON notifications(routed, seq)",
                    """
                    CREATE TABLE deliveries (
                      id              INTEGER PRIMARY KEY AUTOINCREMENT,
                      notification_id TEXT NOT NULL REFERENCES notifications(id),
                      channel         TEXT NOT NULL,
                      status          TEXT NOT NULL CHECK (status IN ('PENDING','DELIVERED','GAVE_UP')),
                      attempts        INTEGER NOT NULL DEFAULT 0,
                      next_attempt_at INTEGER NOT NULL,
                      last_error      TEXT,
                      done_at         INTEGER,
                      UNIQUE (notification_id, channel)
                    )""",
                    "CREATE INDEX deliveries_due ON deliveries(status, channel, next_attempt_at)",
                    """
                    CREATE TABLE notification_log (
                      seq             INTEGER PRIMARY KEY AUTOINCREMENT,
                      notification_id TEXT NOT NULL,
                      channel         TEXT NOT NULL,
                      attempt         INTEGER NOT NULL,
                      at              INTEGER NOT NULL,
                      outcome         TEXT NOT NULL,
                      detail          TEXT NOT NULL
                    )""",
                    "CREATE INDEX notification_log_id ON notification_log(notification_id, seq)")),
            // the CLI cannot reach into the daemon's memory: it queues an ack here and the daemon,
            // which owns the alert state machine, applies it and records the outcome
            new Migration(3, "ack requests from the CLI", List.of(
                    """
                    CREATE TABLE ack_requests (
                      id        INTEGER PRIMARY KEY AUTOINCREMENT,
                      alert_id  TEXT NOT NULL,
                      user      TEXT NOT NULL,
                      comment   TEXT NOT NULL,
                      at        INTEGER NOT NULL,
                      done_at   INTEGER,
                      outcome   TEXT
                    )""",
                    "CREATE INDEX ack_requests_open ON ack_requests(done_at, id)")),
            // the red button: users' complaints and active periods, and the threshold
            // suggestions made from them, kept with their evidence (adopted_at set on adoption)
            new Migration(4, "red button: complaints, active periods, suggestions", List.of(
                    """
                    CREATE TABLE complaints (
                      id          INTEGER PRIMARY KEY AUTOINCREMENT,
                      service     TEXT NOT NULL,
                      user        TEXT NOT NULL,
                      at          INTEGER NOT NULL,
                      recorded_at INTEGER NOT NULL
                    )""",
                    "CREATE INDEX complaints_service ON complaints(service, at)",
                    """
                    CREATE TABLE active_periods (
                      id          INTEGER PRIMARY KEY AUTOINCREMENT,
                      service     TEXT NOT NULL,
                      user        TEXT NOT NULL,
                      from_at     INTEGER NOT NULL,
                      to_at       INTEGER NOT NULL CHECK (to_at > from_at),
                      recorded_at INTEGER NOT NULL
                    )""",
                    "CREATE INDEX active_periods_service ON active_periods(service, from_at)",
                    """
                    CREATE TABLE suggestions (
                      id           INTEGER PRIMARY KEY AUTOINCREMENT,
                      service      TEXT NOT NULL,
                      series       TEXT NOT NULL,
                      t_frustrated REAL NOT NULL,
                      t_satisfied  REAL NOT NULL,
                      apdex_t      REAL NOT NULL,
                      evidence     TEXT NOT NULL,
                      created_at   INTEGER NOT NULL,
                      adopted_at   INTEGER,
                      adopted_by   TEXT
                    )""",
                    "CREATE INDEX suggestions_service ON suggestions(service, series, id)")));

    static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {
    }

    /** The version recorded in the database; 0 for an empty one. */
    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return 0;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Names of tables that are not ours (foreign database detection). */
    static List<String> userTables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /**
     * Applies every migration above the current version up to {@code target}, each in its own
     * transaction. The connection must be in auto-commit mode on entry; it is left that way.
     */
    static void migrate(Connection c, int target) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS schema_version (
                      version     INTEGER PRIMARY KEY,
                      description TEXT NOT NULL,
                      applied_at  TEXT NOT NULL
                    )""");
        }
        for (Migration m : ALL) {
            if (m.version() > target) {
                break;
            }
            c.setAutoCommit(false);
            try {
                // re-read inside the (IMMEDIATE, write-locked) transaction: another process may have migrated
                if (currentVersion(c) >= m.version()) {
                    c.rollback();
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : m.statements()) {
                        s.executeUpdate(sql);
                    }
                }
                try (var ps = c.prepareStatement(
                        "INSERT INTO schema_version(version, description, applied_at)"
                                + " VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
