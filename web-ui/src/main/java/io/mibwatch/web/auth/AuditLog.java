package io.mibwatch.web.auth;

import io.mibwatch.web.http.Caller;
import io.undertow.server.HttpServerExchange;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail: who acknowledged, silenced, adopted, changed users, logged in or failed to, and
 * from where. It lives in the users' database ({@code web.db}, table {@code audit}) next to the
 * users it names: both the web UI and the CLI already open that file for user management, and it
 * is the security record of the appliance, kept apart from the alert store's high write rate and
 * from its pruning. Entries are only appended, never changed.
 *
 * <p>Obtained from {@link UserStore#audit()}; it shares the store's connection and lock.
 */
public final class AuditLog {
    /** Longest text kept in a field: names come from the network and a comment can be long. */
    static final int MAX_FIELD = 256;

    private final Path file;
    private final Connection conn;
    private final Object lock;
    private final Clock clock;

    AuditLog(Path file, Connection conn, Object lock, Clock clock) {
        this.file = file;
        this.conn = conn;
        this.lock = lock;
        this.clock = clock;
    }

    /** Appends an entry stamped with the clock's time; returns it with its id. */
    public AuditEntry append(String actor, String source, AuditAction action, String target, boolean ok, String detail) {
        Instant at = Instant.ofEpochMilli(clock.millis());
        String a = clip(actor);
        String s = clip(source);
        String t = clip(target);
        String d = clip(detail);
        synchronized (lock) {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO audit(at, actor, source, action, target, ok, detail) VALUES (?,?,?,?,?,?,?)")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, a);
                ps.setString(3, s);
                ps.setString(4, action.label());
                ps.setString(5, t);
                ps.setInt(6, ok ? 1 : 0);
                ps.setString(7, d);
                ps.executeUpdate();
                try (PreparedStatement id = conn.prepareStatement("SELECT last_insert_rowid()");
                     ResultSet rs = id.executeQuery()) {
                    rs.next();
                    return new AuditEntry(rs.getLong(1), at, a, s, action, t, ok, d);
                }
            } catch (SQLException e) {
                throw new UserException("user database " + file + ": cannot record audit entry "
                        + action.label() + " by '" + a + "': " + e.getMessage(), e);
            }
        }
    }

    /** Appends an entry by the web caller of {@code exchange}, from its remote address. */
    public AuditEntry record(HttpServerExchange exchange, AuditAction action, String target, boolean ok, String detail) {
        return append(Caller.required(exchange).user(), AuthFeature.remoteAddress(exchange), action, target, ok, detail);
    }

    /** The entries matching {@code q}, newest first. */
    public List<AuditEntry> query(AuditQuery q) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, at, actor, source, action, target, ok, detail FROM audit WHERE 1=1");
        List<Object> args = new ArrayList<>();
        q.since().ifPresent(t -> {
            sql.append(" AND at >= ?");
            args.add(t.toEpochMilli());
        });
        q.before().ifPresent(id -> {
            sql.append(" AND id < ?");
            args.add(id);
        });
        q.actor().ifPresent(u -> {
            sql.append(" AND actor = ?");
            args.add(u);
        });
        q.action().ifPresent(a -> {
            sql.append(" AND action = ?");
            args.add(a.label());
        });
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(q.limit());
        synchronized (lock) {
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), AuditAction.parse(rs.getString(5)), rs.getString(6),
                                rs.getInt(7) == 1, rs.getString(8)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new UserException("user database " + file + ": cannot read the audit trail: " + e.getMessage(), e);
            }
        }
    }

    /** Single-line, bounded text: entries are read in terminals and log viewers. */
    static String clip(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return t.length() > MAX_FIELD ? t.substring(0, MAX_FIELD) + "..." : t;
    }
}
