package io.mibwatch.thresholds.store;

import static io.mibwatch.thresholds.store.Columns.fromJson;
import static io.mibwatch.thresholds.store.Columns.getDouble;
import static io.mibwatch.thresholds.store.Columns.getInstant;
import static io.mibwatch.thresholds.store.Columns.setDouble;
import static io.mibwatch.thresholds.store.Columns.setInstant;
import static io.mibwatch.thresholds.store.Columns.toJson;

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
import java.util.Optional;

/** The {@code alerts} table: each alert's current row. State and severity are stored by constant name. */
final class AlertsTable {

    private final Connection conn;

    AlertsTable(Connection conn) {
        this.conn = conn;
    }

    void upsert(AlertRow a) throws SQLException {
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

    Optional<AlertRow> byId(String id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM alerts WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** PENDING and FIRING alerts, by id. */
    List<AlertRow> active() throws SQLException {
        return where("state IN ('PENDING','FIRING')");
    }

    List<AlertRow> all() throws SQLException {
        return where("1=1");
    }

    private List<AlertRow> where(String where) throws SQLException {
        List<AlertRow> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM alerts WHERE " + where + " ORDER BY id")) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    private static AlertRow row(ResultSet rs) throws SQLException {
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
}
