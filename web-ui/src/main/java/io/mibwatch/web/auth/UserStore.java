package io.mibwatch.web.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.mibwatch.web.http.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;

/**
 * Web users and API tokens in their own SQLite file ({@code DATA/web.db}), apart from the alert
 * store so that user management never contends with alert writes and the file can be reset alone.
 *
 * <p>Passwords are hashed with bcrypt (Provos and Mazières, 1999; OWASP Password Storage Cheat
 * Sheet: cost 10 or more). API tokens are 256 random bits, so a single SHA-256 is enough to store
 * them: unlike passwords they cannot be guessed from a dictionary, and a slow hash on every API
 * call would only cost CPU.
 */
public final class UserStore implements AutoCloseable {
    /** bcrypt cost used by the appliance (2^12 rounds, about 0.2 s on a small server core). */
    public static final int DEFAULT_COST = 12;
    public static final int MIN_PASSWORD_LENGTH = 8;
    /** bcrypt only reads the first 72 bytes; longer passwords are refused instead of silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final String TOKEN_PREFIX = "mwt_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final int LATEST = 2;

    private final Path file;
    private final Connection conn;
    private final Clock clock;
    private final int cost;
    private final SecureRandom random = new SecureRandom();
    /** Verified against when the user does not exist, so a wrong name costs as long as a wrong password. */
    private final String dummyHash;
    private final AuditLog audit;

    private UserStore(Path file, Connection conn, Clock clock, int cost) {
        this.file = file;
        this.conn = conn;
        this.clock = clock;
        this.cost = cost;
        this.audit = new AuditLog(file, conn, this, clock);
        this.dummyHash = BCrypt.withDefaults().hashToString(cost, "not-a-password".toCharArray());
    }

    public static UserStore open(Path file, Clock clock) {
        return open(file, clock, DEFAULT_COST);
    }

    /** @param cost bcrypt cost factor (4..31); tests use a low one to stay fast */
    public static UserStore open(Path file, Clock clock, int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, got " + cost);
        }
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null && !Files.isDirectory(abs.getParent())) {
            throw new UserException("user database " + abs + ": directory " + abs.getParent() + " does not exist");
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout(5000);
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        Connection c;
        try {
            c = cfg.createConnection("jdbc:sqlite:" + abs);
        } catch (SQLException e) {
            throw new UserException("user database " + abs + ": cannot open: " + e.getMessage(), e);
        }
        try {
            migrate(c, abs);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // failing already
            }
            throw e instanceof UserException u ? u
                    : new UserException("user database " + abs + ": cannot open: " + e.getMessage(), e);
        }
        return new UserStore(abs, c, clock, cost);
    }

    /** Schema versions in {@code PRAGMA user_version}; each step runs in one transaction. */
    private static void migrate(Connection c, Path abs) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > LATEST) {
            throw new UserException("user database " + abs + ": schema version " + version
                    + " is newer than this mibwatch supports (" + LATEST + ")");
        }
        if (version == 0) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table'")) {
                if (rs.next()) {
                    throw new UserException("user database " + abs
                            + ": is an SQLite database but not a mibwatch user database (table " + rs.getString(1) + ")");
                }
            }
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (version < 1) {
                s.execute("""
                        CREATE TABLE users(name TEXT PRIMARY KEY, role TEXT NOT NULL, hash TEXT NOT NULL,
                          created_at INTEGER NOT NULL, password_changed_at INTEGER NOT NULL)""");
                s.execute("""
                        CREATE TABLE tokens(hash TEXT PRIMARY KEY,
                          user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
                          created_at INTEGER NOT NULL, last_used_at INTEGER)""");
                s.execute("PRAGMA user_version = 1");
            }
            if (version < 2) {
                // the audit trail (AuditLog): names and ids only, no column for any secret
                s.execute("""
                        CREATE TABLE audit(id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,
                          actor TEXT NOT NULL, source TEXT NOT NULL, action TEXT NOT NULL,
                          target TEXT NOT NULL, ok INTEGER NOT NULL, detail TEXT NOT NULL)""");
                s.execute("CREATE INDEX audit_at ON audit(at)");
                s.execute("CREATE INDEX audit_actor ON audit(actor, id)");
                s.execute("CREATE INDEX audit_action ON audit(action, id)");
                s.execute("PRAGMA user_version = 2");
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    public Path file() {
        return file;
    }

    /** The audit trail kept in this database. */
    public AuditLog audit() {
        return audit;
    }

    public synchronized List<User> list() {
        return query("SELECT name, role, created_at FROM users ORDER BY name", null);
    }

    public synchronized Optional<User> find(String name) {
        return query("SELECT name, role, created_at FROM users WHERE name = ?", name).stream().findFirst();
    }

    public synchronized boolean isEmpty() {
        return list().isEmpty();
    }

    /** Adds a user; fails naming the user when it exists or the name/password is unusable. */
    public User add(String name, Role role, char[] password) {
        checkName(name);
        String hash = hash(name, password);
        synchronized (this) {
            if (find(name).isPresent()) {
                throw new UserException("user '" + name + "' already exists");
            }
            Instant now = clock.instant();
            update("add user " + name, "INSERT INTO users(name, role, hash, created_at, password_changed_at)"
                    + " VALUES (?,?,?,?,?)", name, role.label(), hash, now.toEpochMilli(), now.toEpochMilli());
            return new User(name, role, Instant.ofEpochMilli(now.toEpochMilli()));
        }
    }

    public void setPassword(String name, char[] password) {
        String hash = hash(name, password);
        synchronized (this) {
            int n = update("change password of " + name, "UPDATE users SET hash = ?, password_changed_at = ? WHERE name = ?",
                    hash, clock.millis(), name);
            if (n == 0) {
                throw new UserException("no user '" + name + "'");
            }
        }
    }

    public synchronized void setRole(String name, Role role) {
        if (update("change role of " + name, "UPDATE users SET role = ? WHERE name = ?", role.label(), name) == 0) {
            throw new UserException("no user '" + name + "'");
        }
    }

    /**
     * Whether {@code name} is an admin and no other admin exists: removing or demoting it would
     * lock everyone out of user management (the CLI and the admin page both refuse that).
     */
    public synchronized boolean isLastAdmin(String name) {
        return find(name).map(u -> u.role() == Role.ADMIN).orElse(false)
                && list().stream().filter(u -> u.role() == Role.ADMIN).count() == 1;
    }

    /** Removes a user and its tokens; false when there was none. */
    public synchronized boolean remove(String name) {
        return update("remove user " + name, "DELETE FROM users WHERE name = ?", name) == 1;
    }

    /** The user whose password this is; empty for a wrong name or password (indistinguishably). */
    public Optional<User> verify(String name, char[] password) {
        String hash;
        Optional<User> user;
        synchronized (this) {
            user = find(name == null ? "" : name);
            hash = user.isEmpty() ? dummyHash : scalar("SELECT hash FROM users WHERE name = ?", name);
        }
        boolean ok;
        try {
            ok = BCrypt.verifyer().verify(password, hash).verified;
        } catch (IllegalArgumentException tooLong) {
            ok = false;
        }
        return ok && user.isPresent() ? user : Optional.empty();
    }

    /** A new API token for the user, returned once in clear; only its SHA-256 is stored. */
    public synchronized String createToken(String name) {
        if (find(name).isEmpty()) {
            throw new UserException("no user '" + name + "'");
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        update("create token for " + name, "INSERT INTO tokens(hash, user, created_at) VALUES (?,?,?)",
                sha256(token), name, clock.millis());
        return token;
    }

    /** The owner of an API token, if the token is known. */
    public synchronized Optional<User> tokenUser(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        String h = sha256(token);
        String owner = scalar("SELECT user FROM tokens WHERE hash = ?", h);
        if (owner == null) {
            return Optional.empty();
        }
        update("mark token used", "UPDATE tokens SET last_used_at = ? WHERE hash = ?", clock.millis(), h);
        return find(owner);
    }

    /** Revokes every API token of the user; returns how many there were. */
    public synchronized int revokeTokens(String name) {
        return update("revoke tokens of " + name, "DELETE FROM tokens WHERE user = ?", name);
    }

    /**
     * First start: when there is no user at all, creates {@code admin} with a generated password
     * and returns that password (the caller prints it once); otherwise empty.
     */
    public synchronized Optional<String> ensureAdmin() {
        if (!isEmpty()) {
            return Optional.empty();
        }
        String password = generatePassword();
        add("admin", Role.ADMIN, password.toCharArray());
        return Optional.of(password);
    }

    /** 120 random bits in base64url (20 characters): typeable, and far beyond guessing. */
    public String generatePassword() {
        byte[] raw = new byte[15];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UserException("user name '" + name + "' is not valid: use 1-64 letters, digits, '.', '_', '@' or '-',"
                    + " starting with a letter or digit");
        }
    }

    /** Why this password cannot be used, or empty when it can. */
    public static Optional<String> passwordProblem(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            return Optional.of("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (new String(password).getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("password must not be longer than " + MAX_PASSWORD_BYTES + " bytes (bcrypt ignores the rest)");
        }
        return Optional.empty();
    }

    private String hash(String name, char[] password) {
        passwordProblem(password).ifPresent(p -> {
            throw new UserException("user '" + name + "': " + p);
        });
        return BCrypt.withDefaults().hashToString(cost, password);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private List<User> query(String sql, String arg) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            List<User> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new User(rs.getString(1), Role.parse(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new UserException("user database " + file + ": cannot read users: " + e.getMessage(), e);
        }
    }

    private String scalar(String sql, String arg) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new UserException("user database " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private int update(String what, String sql, Object... args) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new UserException("user database " + file + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new UserException("user database " + file + ": cannot close: " + e.getMessage(), e);
        }
    }
}
