package io.mibwatch.thresholds.store;

import static io.mibwatch.thresholds.store.Columns.fromJson;
import static io.mibwatch.thresholds.store.Columns.toJson;

import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.thresholds.notify.Notification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The {@code notifications} table, the outbox proper: every notification queued, and whether the
 * dispatcher has routed it yet. Kind and severity are stored by constant name.
 */
final class NotificationsTable {

    private final Connection conn;

    NotificationsTable(Connection conn) {
        this.conn = conn;
    }

    /** Fails naming the id if it is queued already. */
    void insert(Notification n) throws SQLException {
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

    List<Notification> unrouted(int limit) throws SQLException {
        return query("SELECT * FROM notifications WHERE routed = 0 ORDER BY seq LIMIT ?", ps -> ps.setInt(1, limit));
    }

    /** Oldest first. */
    List<Notification> all() throws SQLException {
        return query("SELECT * FROM notifications ORDER BY seq", ps -> { });
    }

    /** Fails when the notification is unknown or was routed already. */
    void markRouted(String notificationId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE notifications SET routed = 1 WHERE id = ? AND routed = 0")) {
            ps.setString(1, notificationId);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("notification '" + notificationId + "' is unknown or already routed");
            }
        }
    }

    private List<Notification> query(String sql, Tx.Binder binder) throws SQLException {
        List<Notification> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    /** The notification columns of {@code rs} (also of a join that selects {@code n.*}). */
    static Notification row(ResultSet rs) throws SQLException {
        return new Notification(rs.getString("id"), rs.getString("alert_id"),
                NotificationKind.valueOf(rs.getString("kind")), Severity.valueOf(rs.getString("severity")),
                rs.getString("title"), rs.getString("body"), fromJson(rs.getString("labels")),
                Instant.ofEpochMilli(rs.getLong("at")));
    }
}
