package io.mibwatch.thresholds.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * How the tables store values SQLite has no type for: absent numbers and instants as NULL,
 * instants as epoch milliseconds, label maps as a JSON object in key order.
 */
final class Columns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> LABELS = new TypeReference<>() { };

    private Columns() {
    }

    static void setDouble(PreparedStatement ps, int i, OptionalDouble v) throws SQLException {
        if (v.isPresent()) {
            ps.setDouble(i, v.getAsDouble());
        } else {
            ps.setNull(i, Types.REAL);
        }
    }

    static OptionalDouble getDouble(ResultSet rs, String col) throws SQLException {
        double d = rs.getDouble(col);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    static void setInstant(PreparedStatement ps, int i, Optional<Instant> v) throws SQLException {
        if (v.isPresent()) {
            ps.setLong(i, v.get().toEpochMilli());
        } else {
            ps.setNull(i, Types.INTEGER);
        }
    }

    static Optional<Instant> getInstant(ResultSet rs, String col) throws SQLException {
        long ms = rs.getLong(col);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
    }

    static String toJson(Map<String, String> labels) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(labels));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels are plain strings and always serialise", e);
        }
    }

    static Map<String, String> fromJson(String text) throws SQLException {
        try {
            return JSON.readValue(text, LABELS);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored labels are not a JSON object of strings: " + text, e);
        }
    }
}
