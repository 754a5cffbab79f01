package io.mibwatch.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.time.ManualClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    private UserStore store;

    @BeforeEach
    void open() {
        store = UserStore.open(dir.resolve("web.db"), clock, 4);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static AuditQuery query(Optional<Instant> since, Optional<String> actor, Optional<AuditAction> action) {
        return new AuditQuery(since, Optional.empty(), actor, action, 100);
    }

    @Test
    void entriesAreAppendedWithTheClocksTimeAndReadNewestFirst() {
        AuditEntry first = store.audit().append("ann", "192.0.2.7", AuditAction.LOGIN_FAILED, "", false, "wrong password");
        clock.advance(Duration.ofMinutes(1));
        AuditEntry second = store.audit().append("bob", "198.51.100.1", AuditAction.ACK, "cpu@sw1", true, "on it");
        assertEquals(Instant.parse("2026-11-21T10:00:00Z"), first.at());
        assertTrue(second.id() > first.id());
        assertEquals(List.of(second, first), store.audit().query(AuditQuery.latest(10)));
        store.close();
        store = UserStore.open(dir.resolve("web.db"), clock, 4);
        assertEquals(List.of(second, first), store.audit().query(AuditQuery.latest(10)), "survives reopening");
    }

    @Test
    void queriesFilterByTimeActorAndActionAndPageById() {
        AuditLog log = store.audit();
        AuditEntry a = log.append("ann", "192.0.2.7", AuditAction.LOGIN_OK, "", true, "");
        clock.advance(Duration.ofHours(1));
        AuditEntry b = log.append("ann", "192.0.2.7", AuditAction.SILENCE_ADD, "s-1", true, "");
        AuditEntry c = log.append("cli:root", AuditEntry.CLI_SOURCE, AuditAction.SILENCE_REMOVE, "s-1", true, "");
        assertEquals(List.of(c, b), log.query(query(Optional.of(Instant.parse("2026-11-21T10:30:00Z")),
                Optional.empty(), Optional.empty())));
        assertEquals(List.of(b, a), log.query(query(Optional.empty(), Optional.of("ann"), Optional.empty())));
        assertEquals(List.of(c), log.query(query(Optional.empty(), Optional.empty(), Optional.of(AuditAction.SILENCE_REMOVE))));
        assertEquals(List.of(c), log.query(AuditQuery.latest(1)));
        assertEquals(List.of(b, a), log.query(new AuditQuery(Optional.empty(), Optional.of(c.id()), Optional.empty(),
                Optional.empty(), 5)), "the page before c");
    }

    @Test
    void theAuditTableHasNoColumnForASecret() throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("web.db"));
             ResultSet rs = c.createStatement().executeQuery("PRAGMA table_info(audit)")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        assertEquals(List.of("id", "at", "actor", "source", "action", "target", "ok", "detail"), columns);
        for (String col : columns) {
            for (String secret : List.of("password", "hash", "token", "community", "secret")) {
                assertFalse(col.toLowerCase(Locale.ROOT).contains(secret), col);
            }
        }
    }

    @Test
    void aVersionOneUserDatabaseGetsTheAuditTableAndKeepsItsUsers() throws Exception {
        Path old = dir.resolve("old-web.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old)) {
            var s = c.createStatement();
            s.execute("CREATE TABLE users(name TEXT PRIMARY KEY, role TEXT NOT NULL, hash TEXT NOT NULL,"
                    + " created_at INTEGER NOT NULL, password_changed_at INTEGER NOT NULL)");
            s.execute("CREATE TABLE tokens(hash TEXT PRIMARY KEY, user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,"
                    + " created_at INTEGER NOT NULL, last_used_at INTEGER)");
            s.execute("INSERT INTO users VALUES ('ann', 'operator', 'x', 0, 0)");
            s.execute("PRAGMA user_version = 1");
        }
        try (UserStore upgraded = UserStore.open(old, clock, 4)) {
            assertTrue(upgraded.find("ann").isPresent());
            upgraded.audit().append("ann", "192.0.2.7", AuditAction.LOGOUT, "ann", true, "");
            assertEquals(1, upgraded.audit().query(AuditQuery.latest(10)).size());
        }
    }

    @Test
    void fieldsFromTheNetworkAreKeptOnOneBoundedLine() {
        AuditEntry e = store.audit().append("evil\nadmin", "192.0.2.7", AuditAction.LOGIN_FAILED, "",
                false, "x".repeat(1000));
        assertEquals("evil?admin", e.actor());
        assertEquals(AuditLog.MAX_FIELD + 3, e.detail().length());
        assertEquals(e, store.audit().query(AuditQuery.latest(1)).get(0));
    }

    @Test
    void aBadLimitOrActionNameIsRefusedNamingTheValue() {
        assertEquals("limit must be 1..1000, got 0",
                assertThrows(IllegalArgumentException.class, () -> AuditQuery.latest(0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AuditAction.parse("acked")).getMessage()
                .startsWith("unknown audit action 'acked': use one of login_ok, login_failed"));
    }
}
