package io.mibwatch.thresholds.store;

import io.mibwatch.thresholds.notify.DeliveryLogEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The append-only {@code notification_log} table: every routing and delivery outcome. */
final class DeliveryLogTable {

    private final Connection conn;

    DeliveryLogTable(Connection conn) {
        this.conn = conn;
    }

    void append(String notificationId, String channel, int attempt, Instant at, DeliveryLogEntry.Outcome outcome,
                String detail) throws SQLException {
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

    List<DeliveryLogEntry> of(String notificationId) throws SQLException {
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
    }
}
