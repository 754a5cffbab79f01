package io.mibwatch.thresholds.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code ack_requests} table: acks queued by another process (the CLI) for the daemon to apply. */
final class AckRequestsTable {

    private final Connection conn;

    AckRequestsTable(Connection conn) {
        this.conn = conn;
    }

    /** Returns the request id. */
    long insert(AckRow ack) throws SQLException {
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
    }

    void complete(long id, String outcome, Instant at) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE ack_requests SET done_at = ?, outcome = ? WHERE id = ?")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, outcome);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** Not yet applied, oldest first. */
    List<AckRequest> open() throws SQLException {
        return query("WHERE done_at IS NULL ORDER BY id", ps -> { });
    }

    Optional<AckRequest> byId(long id) throws SQLException {
        return query("WHERE id = ?", ps -> ps.setLong(1, id)).stream().findFirst();
    }

    private List<AckRequest> query(String tail, Tx.Binder binder) throws SQLException {
        List<AckRequest> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM ack_requests " + tail)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long done = rs.getLong("done_at");
                    Optional<Instant> doneAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(done));
                    out.add(new AckRequest(rs.getLong("id"), new AckRow(rs.getString("alert_id"), rs.getString("user"),
                            rs.getString("comment"), Instant.ofEpochMilli(rs.getLong("at"))), doneAt,
                            Optional.ofNullable(rs.getString("outcome"))));
                }
            }
        }
        return out;
    }
}
