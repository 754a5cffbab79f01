package io.mibwatch.thresholds.store;

import io.mibwatch.thresholds.redbutton.ActivePeriod;
import io.mibwatch.thresholds.redbutton.Complaint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Complaints, active periods and threshold suggestions (migration 4). Works over the event
 * store's {@code Tx} like its other tables; times are epoch milliseconds like the rest of the store.
 */
public final class RedButtonStore {

    /** A stored suggestion; {@code evidence} is the JSON the analysis produced. */
    public record Suggestion(long id, String service, String series, double tFrustrated, double tSatisfied,
                             double apdexT, String evidence, Instant createdAt, Optional<Instant> adoptedAt,
                             Optional<String> adoptedBy) {
    }

    private final Tx tx;
    private final Connection conn;

    RedButtonStore(Tx tx) {
        this.tx = tx;
        this.conn = tx.connection();
    }

    public long addComplaint(Complaint c, Instant recordedAt) {
        return tx.write("record a complaint about " + c.service(), () -> insert(
                "INSERT INTO complaints(service, user, at, recorded_at) VALUES (?, ?, ?, ?)",
                c.service(), c.user(), c.at().toEpochMilli(), recordedAt.toEpochMilli()));
    }

    public long addActivePeriod(ActivePeriod p, Instant recordedAt) {
        return tx.write("record an active period of " + p.service(), () -> insert(
                "INSERT INTO active_periods(service, user, from_at, to_at, recorded_at) VALUES (?, ?, ?, ?, ?)",
                p.service(), p.user(), p.from().toEpochMilli(), p.to().toEpochMilli(), recordedAt.toEpochMilli()));
    }

    /** Complaints about a service at or after {@code since}, oldest first. */
    public List<Complaint> complaints(String service, Instant since) {
        return tx.read("read complaints of " + service, () -> {
            List<Complaint> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT user, at FROM complaints WHERE service = ? AND at >= ? ORDER BY at, id")) {
                ps.setString(1, service);
                ps.setLong(2, since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Complaint(rs.getString(1), service, Instant.ofEpochMilli(rs.getLong(2))));
                    }
                }
            }
            return out;
        });
    }

    /** Active periods of a service that end after {@code since}. */
    public List<ActivePeriod> activePeriods(String service, Instant since) {
        return tx.read("read active periods of " + service, () -> {
            List<ActivePeriod> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT user, from_at, to_at FROM active_periods WHERE service = ? AND to_at > ? ORDER BY from_at, id")) {
                ps.setString(1, service);
                ps.setLong(2, since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ActivePeriod(rs.getString(1), service, Instant.ofEpochMilli(rs.getLong(2)),
                                Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
            }
            return out;
        });
    }

    public long addSuggestion(String service, String series, double tFrustrated, double tSatisfied, double apdexT,
                              String evidenceJson, Instant at) {
        return tx.write("record a suggestion for " + service, () -> insert(
                "INSERT INTO suggestions(service, series, t_frustrated, t_satisfied, apdex_t, evidence, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                service, series, tFrustrated, tSatisfied, apdexT, evidenceJson, at.toEpochMilli()));
    }

    /** The newest suggestion for a series of a service. */
    public Optional<Suggestion> latestSuggestion(String service, String series) {
        return tx.read("read suggestions of " + service, () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT id, t_frustrated, t_satisfied, apdex_t, evidence, created_at, adopted_at, adopted_by"
                            + " FROM suggestions WHERE service = ? AND series = ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, service);
                ps.setString(2, series);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Suggestion>empty();
                    }
                    long adopted = rs.getLong(7);
                    Optional<Instant> adoptedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(adopted));
                    return Optional.of(new Suggestion(rs.getLong(1), service, series, rs.getDouble(2), rs.getDouble(3),
                            rs.getDouble(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), adoptedAt,
                            Optional.ofNullable(rs.getString(8))));
                }
            }
        });
    }

    /** Marks a suggestion adopted; false when it does not exist or was adopted already. */
    public boolean adopt(long suggestionId, String user, Instant at) {
        return tx.write("adopt suggestion " + suggestionId, () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE suggestions SET adopted_at = ?, adopted_by = ? WHERE id = ? AND adopted_at IS NULL")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, user);
                ps.setLong(3, suggestionId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private long insert(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof String s) {
                    ps.setString(i + 1, s);
                } else if (a instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else if (a instanceof Double d) {
                    ps.setDouble(i + 1, d);
                } else {
                    ps.setNull(i + 1, Types.NULL);
                }
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
