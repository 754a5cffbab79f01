package io.mibwatch.thresholds.store;

import io.mibwatch.thresholds.notify.Delivery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code deliveries} table: one row per notification and channel, PENDING until DELIVERED or
 * GAVE_UP, with its attempts and when to try next.
 */
final class DeliveriesTable {

    /** A pending delivery's identity, read before it is finished. */
    record Pending(String notificationId, String channel, int attempts) {
    }

    private final Connection conn;

    DeliveriesTable(Connection conn) {
        this.conn = conn;
    }

    /** One PENDING row per channel, due at {@code at}, in channel name order. */
    void create(String notificationId, Set<String> channels, Instant at) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO deliveries(notification_id, channel,"
                + " status, attempts, next_attempt_at) VALUES (?, ?, 'PENDING', 0, ?)")) {
            for (String ch : new TreeSet<>(channels)) {
                ps.setString(1, notificationId);
                ps.setString(2, ch);
                ps.setLong(3, at.toEpochMilli());
                ps.executeUpdate();
            }
        }
    }

    List<Delivery> due(String channel, Instant now, int limit) throws SQLException {
        return query("WHERE d.status = 'PENDING' AND d.channel = ? AND d.next_attempt_at <= ?"
                + " ORDER BY d.next_attempt_at, d.id LIMIT ?", ps -> {
                    ps.setString(1, channel);
                    ps.setLong(2, now.toEpochMilli());
                    ps.setInt(3, limit);
                });
    }

    List<Delivery> pending() throws SQLException {
        return query("WHERE d.status = 'PENDING' ORDER BY d.next_attempt_at, d.id", ps -> { });
    }

    /** Fails when the delivery is unknown or no longer pending. */
    Pending pending(long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT notification_id, channel, attempts FROM deliveries WHERE id = ? AND status = 'PENDING'")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("delivery " + id + " is unknown or no longer pending");
                }
                return new Pending(rs.getString(1), rs.getString(2), rs.getInt(3));
            }
        }
    }

    /**
     * Records attempt number {@code attempt}: the new status, the error (null when none), when to try
     * next (null: keep the time) and, unless still PENDING, when it was done.
     */
    void update(long id, String status, int attempt, String error, Instant next, Instant at) throws SQLException {
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
    }

    private List<Delivery> query(String tail, Tx.Binder binder) throws SQLException {
        List<Delivery> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT n.*, d.id AS d_id, d.channel AS d_channel,"
                + " d.attempts AS d_attempts, d.next_attempt_at AS d_next FROM deliveries d"
                + " JOIN notifications n ON n.id = d.notification_id " + tail)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Delivery(rs.getLong("d_id"), NotificationsTable.row(rs), rs.getString("d_channel"),
                            rs.getInt("d_attempts"), Instant.ofEpochMilli(rs.getLong("d_next"))));
                }
            }
        }
        return out;
    }
}
