package io.mibwatch.thresholds.store;

import static io.mibwatch.thresholds.store.Columns.getDouble;
import static io.mibwatch.thresholds.store.Columns.setDouble;

import io.mibwatch.core.alert.Severity;
import io.mibwatch.thresholds.alert.AlertState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The append-only {@code transitions} table; {@code seq} orders the whole history. */
final class TransitionsTable {

    private final Connection conn;

    TransitionsTable(Connection conn) {
        this.conn = conn;
    }

    /** Appends the rows in order and returns the sequence numbers they were given. */
    List<Long> append(List<TransitionRow> rows) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO transitions(alert_id, from_state, to_state, severity, at, value, reason)"
                        + " VALUES (?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            for (TransitionRow t : rows) {
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
        return seqs;
    }

    List<StoredTransition> ofAlert(String alertId) throws SQLException {
        return query("WHERE alert_id = ? ORDER BY seq", ps -> ps.setString(1, alertId));
    }

    /** The highest sequence number (0 when there is none): one indexed lookup, not a scan. */
    long latestSeq() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM transitions")) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    List<StoredTransition> after(long afterSeq, int limit) throws SQLException {
        return query("WHERE seq > ? ORDER BY seq LIMIT ?", ps -> {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
        });
    }

    private List<StoredTransition> query(String tail, Tx.Binder binder) throws SQLException {
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
    }
}
