package io.mibwatch.thresholds.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code acks} table: every acknowledgement ever recorded, in order. */
final class AcksTable {

    private final Connection conn;

    AcksTable(Connection conn) {
        this.conn = conn;
    }

    void insert(AckRow a) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO acks(alert_id, user, comment, at) VALUES (?,?,?,?)")) {
            ps.setString(1, a.alertId());
            ps.setString(2, a.user());
            ps.setString(3, a.comment());
            ps.setLong(4, a.at().toEpochMilli());
            ps.executeUpdate();
        }
    }

    List<AckRow> all() throws SQLException {
        List<AckRow> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM acks ORDER BY seq")) {
            while (rs.next()) {
                out.add(new AckRow(rs.getString("alert_id"), rs.getString("user"), rs.getString("comment"),
                        Instant.ofEpochMilli(rs.getLong("at"))));
            }
        }
        return out;
    }
}
