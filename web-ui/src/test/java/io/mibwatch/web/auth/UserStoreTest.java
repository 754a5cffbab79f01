package io.mibwatch.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.time.ManualClock;
import io.mibwatch.web.http.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserStoreTest {
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

    @Test
    void passwordsAreStoredAsBcryptAndVerified() throws Exception {
        store.add("ann", Role.OPERATOR, "correct horse".toCharArray());
        assertEquals(Optional.of(Role.OPERATOR), store.verify("ann", "correct horse".toCharArray()).map(User::role));
        assertTrue(store.verify("ann", "wrong horse".toCharArray()).isEmpty());
        assertTrue(store.verify("bob", "correct horse".toCharArray()).isEmpty());
        store.close();
        byte[] file = Files.readAllBytes(dir.resolve("web.db"));
        String text = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("correct horse"), "the clear password must not be in the file");
        assertTrue(text.contains("$2a$04$"), "a bcrypt hash (version 2a, cost 4) is stored");
        store = UserStore.open(dir.resolve("web.db"), clock, 4);
        assertTrue(store.verify("ann", "correct horse".toCharArray()).isPresent(), "survives reopening");
    }

    @Test
    void passwordChangeAndRoleChange() {
        store.add("ann", Role.VIEWER, "first-password".toCharArray());
        store.setPassword("ann", "second-password".toCharArray());
        store.setRole("ann", Role.ADMIN);
        assertTrue(store.verify("ann", "first-password".toCharArray()).isEmpty());
        assertEquals(Optional.of(Role.ADMIN), store.verify("ann", "second-password".toCharArray()).map(User::role));
        assertThrows(UserException.class, () -> store.setRole("bob", Role.ADMIN));
    }

    @Test
    void onlyTheSoleAdminIsTheLastAdmin() {
        store.add("root1", Role.ADMIN, "admin-password-1".toCharArray());
        store.add("ann", Role.OPERATOR, "operator-password".toCharArray());
        assertTrue(store.isLastAdmin("root1"));
        assertFalse(store.isLastAdmin("ann"), "not an admin");
        assertFalse(store.isLastAdmin("nobody"), "no such user");
        store.add("root2", Role.ADMIN, "admin-password-2".toCharArray());
        assertFalse(store.isLastAdmin("root1"));
        store.remove("root2");
        assertTrue(store.isLastAdmin("root1"));
    }

    @Test
    void duplicateUserIsRefusedByName() {
        store.add("ann", Role.VIEWER, "password-1".toCharArray());
        UserException e = assertThrows(UserException.class, () -> store.add("ann", Role.ADMIN, "password-2".toCharArray()));
        assertEquals("user 'ann' already exists", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ann", "ann bob", "-ann", "<script>", "a/b",
            "x2345678901234567890123456789012345678901234567890123456789012345"})
    void badNamesAreRefused(String name) {
        UserException e = assertThrows(UserException.class, () -> store.add(name, Role.VIEWER, "password-1".toCharArray()));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "1234567",
            "123456789012345678901234567890123456789012345678901234567890123456789012345"})
    void unusablePasswordsAreRefused(String password) {
        UserException e = assertThrows(UserException.class, () -> store.add("ann", Role.VIEWER, password.toCharArray()));
        assertTrue(e.getMessage().startsWith("user 'ann': password must"), e.getMessage());
    }

    @Test
    void tokensAreStoredHashedAndDieWithTheirUser() throws Exception {
        store.add("script", Role.VIEWER, "password-1".toCharArray());
        String token = store.createToken("script");
        assertTrue(token.startsWith("mwt_"));
        assertEquals(Optional.of("script"), store.tokenUser(token).map(User::name));
        assertTrue(store.tokenUser(token + "x").isEmpty());
        assertTrue(store.tokenUser("Bearer").isEmpty());
        store.close();
        String text = new String(Files.readAllBytes(dir.resolve("web.db")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(token.substring(4)), "the clear token must not be in the file");
        store = UserStore.open(dir.resolve("web.db"), clock, 4);
        assertTrue(store.remove("script"));
        assertTrue(store.tokenUser(token).isEmpty(), "removing the user revokes its tokens");
        assertFalse(store.remove("script"));
    }

    @Test
    void firstStartCreatesAdminOnce() {
        Optional<String> pw = store.ensureAdmin();
        assertTrue(pw.isPresent());
        assertEquals(20, pw.get().length());
        assertEquals(List.of("admin"), store.list().stream().map(User::name).toList());
        assertTrue(store.verify("admin", pw.get().toCharArray()).isPresent());
        assertTrue(store.ensureAdmin().isEmpty(), "second start: admin exists, nothing generated");
    }

    @Test
    void foreignDatabaseIsRefusedByName() throws Exception {
        store.close();
        Path other = dir.resolve("other.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other); var s = c.createStatement()) {
            s.execute("CREATE TABLE something(x)");
        }
        UserException e = assertThrows(UserException.class, () -> UserStore.open(other, clock, 4));
        assertTrue(e.getMessage().contains(other.toString()) && e.getMessage().contains("not a mibwatch user database"),
                e.getMessage());
        store = UserStore.open(dir.resolve("web.db"), clock, 4);
    }
}
