package io.mibwatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.web.auth.User;
import io.mibwatch.web.auth.UserStore;
import io.mibwatch.web.http.Role;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mibwatch user ...} against a real DATA/web.db. */
class UserCliTest {
    @TempDir
    Path data;

    record Run(int code, String out, String err) {
    }

    Run run(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = io.mibwatch.app.Main.run(new PrintWriter(out), new PrintWriter(err), args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }

    Optional<User> verify(String name, String password) {
        try (UserStore s = UserStore.open(data.resolve("web.db"), Clock.systemUTC())) {
            return s.verify(name, password.toCharArray());
        }
    }

    @Test
    void addListPasswdTokenRemove() throws Exception {
        Run add = run("first-password\n", "user", "add", "ann", "--role", "operator", "--password-stdin", "--data", data.toString());
        assertEquals(0, add.code(), add.err());
        assertEquals("added ann (operator)\n", add.out());
        assertEquals(Role.OPERATOR, verify("ann", "first-password").orElseThrow().role());
        assertFalse(Files.readString(data.resolve("web.db"), StandardCharsets.ISO_8859_1).contains("first-password"));

        Run list = run(null, "user", "list", "--data", data.toString());
        assertTrue(list.out().lines().anyMatch(l -> l.matches("ann\\s+operator\\s+\\S+")), list.out());
        Run json = run(null, "user", "list", "--json", "--data", data.toString());
        assertTrue(json.out().contains("\"name\":\"ann\",\"role\":\"OPERATOR\""), json.out());

        assertEquals(0, run("second-password\n", "user", "passwd", "ann", "--password-stdin", "--data", data.toString()).code());
        assertTrue(verify("ann", "first-password").isEmpty());
        assertTrue(verify("ann", "second-password").isPresent());

        Run token = run(null, "user", "token", "ann", "--data", data.toString());
        assertEquals(0, token.code(), token.err());
        String t = token.out().strip();
        assertTrue(t.startsWith("mwt_") && t.length() > 40, t);
        try (UserStore s = UserStore.open(data.resolve("web.db"), Clock.systemUTC())) {
            assertEquals("ann", s.tokenUser(t).orElseThrow().name());
        }
        assertEquals(0, run(null, "user", "remove", "ann", "--data", data.toString()).code());
        try (UserStore s = UserStore.open(data.resolve("web.db"), Clock.systemUTC())) {
            assertTrue(s.tokenUser(t).isEmpty(), "the token died with its user");
        }
    }

    @Test
    void mistakesAreOneLineWithExitCodes() {
        Run badRole = run("pw-long-enough\n", "user", "add", "bob", "--role", "root", "--password-stdin", "--data", data.toString());
        assertEquals(ExitCodes.USAGE, badRole.code());
        assertTrue(badRole.err().contains("--role: unknown role 'root' (expected reporter, viewer, operator or admin)"), badRole.err());
        Run shortPw = run("short\n", "user", "add", "bob", "--role", "viewer", "--password-stdin", "--data", data.toString());
        assertEquals(ExitCodes.USAGE, shortPw.code());
        assertTrue(shortPw.err().contains("user 'bob': password must have at least 8 characters"), shortPw.err());
        Run badName = run("pw-long-enough\n", "user", "add", "<x>", "--role", "viewer", "--password-stdin", "--data", data.toString());
        assertTrue(badName.err().contains("user name '<x>' is not valid"), badName.err());
        Run empty = run("", "user", "add", "bob", "--role", "viewer", "--password-stdin", "--data", data.toString());
        assertTrue(empty.err().contains("--password-stdin: standard input is empty"), empty.err());
        assertEquals(0, run("pw-long-enough\n", "user", "add", "boss", "--role", "admin", "--password-stdin", "--data", data.toString()).code());
        Run dup = run("pw-long-enough\n", "user", "add", "boss", "--role", "admin", "--password-stdin", "--data", data.toString());
        assertTrue(dup.err().contains("user 'boss' already exists"), dup.err());
        Run last = run(null, "user", "remove", "boss", "--data", data.toString());
        assertTrue(last.err().contains("'boss' is the last admin; add another admin first"), last.err());
        Run missing = run(null, "user", "token", "nobody", "--data", data.toString());
        assertTrue(missing.err().contains("no user 'nobody'"), missing.err());
        Run noDir = run(null, "user", "list", "--data", data.resolve("absent").toString());
        assertTrue(noDir.err().contains("no data directory"), noDir.err());
    }
}
