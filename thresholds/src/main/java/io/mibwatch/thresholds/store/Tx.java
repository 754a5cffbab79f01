package io.mibwatch.thresholds.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

/**
 * The event store's one connection and lock, and the two ways the tables use it: a read, and a
 * write in one transaction that is rolled back as a whole on any failure. Errors name the file and
 * what was being done. Every table class works inside one of these calls; none commits itself.
 */
final class Tx {

    /** One unit of table work; may throw SQLException, which the caller turns into an {@link AlertStoreException}. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /** Binds a prepared statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private final Path file;
    private final Connection conn;
    private final Object lock = new Object();

    Tx(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    Path file() {
        return file;
    }

    Connection connection() {
        return conn;
    }

    <T> T read(String what, Work<T> work) {
        synchronized (lock) {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new AlertStoreException("event store " + file + ": cannot " + what + ": " + describe(e), e);
            }
        }
    }

    /** Runs {@code work} in one transaction; on any failure rolls back and names the file. */
    <T> T write(String what, Work<T> work) {
        synchronized (lock) {
            try {
                try {
                    conn.setAutoCommit(false);
                } catch (SQLException e) {
                    // BEGIN failed (SQLITE_BUSY: another process holds the write lock), but the driver
                    // already counts the connection as in a transaction: without this, the next write
                    // would issue no BEGIN, run its statements one by one in autocommit and fail only
                    // at COMMIT, half stored
                    restoreAutoCommit(e);
                    throw e;
                }
                T result;
                try {
                    result = work.run();
                    conn.commit();
                } catch (SQLException | RuntimeException e) {
                    rollback(e);
                    restoreAutoCommit(e);
                    throw e;
                }
                conn.setAutoCommit(true);
                return result;
            } catch (SQLException e) {
                throw new AlertStoreException("event store " + file + ": cannot " + what
                        + " (nothing of it was stored): " + describe(e), e, storageFailed(e));
            }
        }
    }

    void close() {
        synchronized (lock) {
            try {
                conn.close();
            } catch (SQLException e) {
                throw new AlertStoreException("event store " + file + ": close failed: " + describe(e), e);
            }
        }
    }

    /**
     * Some errors (SQLITE_FULL, SQLITE_IOERR) make SQLite roll the transaction back by itself, after
     * which the driver's own COMMIT in setAutoCommit(true) fails; that must not hide the real error.
     */
    private void restoreAutoCommit(Exception cause) {
        try {
            conn.setAutoCommit(true);
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private void rollback(Exception cause) {
        try {
            conn.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    /**
     * Whether the storage failed rather than the data: SQLITE_FULL, SQLITE_IOERR, SQLITE_READONLY,
     * SQLITE_CANTOPEN, SQLITE_BUSY or SQLITE_LOCKED (https://www.sqlite.org/rescode.html). The
     * same write can succeed once space, the file or the lock is back; a constraint violation cannot.
     */
    static boolean storageFailed(SQLException e) {
        Throwable t = e;
        while (t != null && !(t instanceof SQLiteException)) {
            t = t.getCause();
        }
        if (!(t instanceof SQLiteException se)) {
            return false;
        }
        return switch (se.getResultCode().code & 0xff) {
            case 13, 10, 8, 14, 5, 6 -> true;
            default -> false;
        };
    }

    /** A short reason users can act on; the SQLite text follows for the details. */
    static String describe(SQLException e) {
        Throwable t = e;
        while (t != null && !(t instanceof SQLiteException)) {
            t = t.getCause();
        }
        if (!(t instanceof SQLiteException se)) {
            return e.getMessage();
        }
        String own = se == e ? "" : e.getMessage() + "; ";
        String hint = switch (se.getResultCode().code & 0xff) {
            case 13 -> "disk full (or the size cap reached): ";   // SQLITE_FULL
            case 26 -> "not an SQLite database: ";                // SQLITE_NOTADB
            case 11 -> "database is corrupt: ";                   // SQLITE_CORRUPT
            case 8 -> "read-only (permissions?): ";               // SQLITE_READONLY
            case 14 -> "cannot open the file: ";                  // SQLITE_CANTOPEN
            case 5, 6 -> "locked by another process: ";           // SQLITE_BUSY / SQLITE_LOCKED
            case 10 -> "I/O error: ";                             // SQLITE_IOERR
            default -> "";
        };
        return own + hint + se.getMessage();
    }
}
