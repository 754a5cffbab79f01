package io.mibwatch.thresholds.store;

import static io.mibwatch.thresholds.store.Columns.fromJson;
import static io.mibwatch.thresholds.store.Columns.toJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The {@code silences} table: matchers as globs, label globs as JSON. */
final class SilencesTable {

    private final Connection conn;

    SilencesTable(Connection conn) {
        this.conn = conn;
    }

    /** Fails if the id exists. */
    void insert(SilenceRow s) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO silences(id, device_glob, metric_glob,"
                + " label_globs, start_at, end_at, created_by, comment) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, s.id());
            ps.setString(2, s.matcher().device());
            ps.setString(3, s.matcher().metric());
            ps.setString(4, toJson(s.matcher().labels()));
            ps.setLong(5, s.start().toEpochMilli());
            ps.setLong(6, s.end().toEpochMilli());
            ps.setString(7, s.createdBy());
            ps.setString(8, s.comment());
            ps.executeUpdate();
        } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                throw new SQLException("silence id '" + s.id() + "' already exists", e);
            }
            throw e;
        }
    }

    /** False if there was none with that id. */
    boolean delete(String id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM silences WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Past, current and future ones, by start then id. */
    List<SilenceRow> all() throws SQLException {
        List<SilenceRow> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM silences ORDER BY start_at, id")) {
            while (rs.next()) {
                out.add(new SilenceRow(rs.getString("id"),
                        new SilenceRow.Matcher(rs.getString("device_glob"), rs.getString("metric_glob"),
                                fromJson(rs.getString("label_globs"))),
                        Instant.ofEpochMilli(rs.getLong("start_at")), Instant.ofEpochMilli(rs.getLong("end_at")),
                        rs.getString("created_by"), rs.getString("comment")));
            }
        }
        return out;
    }
}
