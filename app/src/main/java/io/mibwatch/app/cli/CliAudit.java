package io.mibwatch.app.cli;

import io.mibwatch.web.auth.AuditAction;
import io.mibwatch.web.auth.AuditEntry;
import io.mibwatch.web.auth.AuditLog;
import io.mibwatch.web.auth.UserException;
import io.mibwatch.web.auth.UserStore;
import java.time.Clock;

/**
 * The command line's entries in the audit trail ({@code DATA/web.db}, as the web UI's): the actor
 * is {@code cli:<login>}, the source {@code cli}. Written after the action is done; a trail that
 * cannot be written makes the command fail saying so, so that no action goes unrecorded silently.
 */
final class CliAudit {
    private CliAudit() {
    }

    /** {@code cli:} and the login name of whoever runs the command. */
    static String actor() {
        return AuditEntry.cliActor(System.getProperty("user.name", "unknown"));
    }

    /** Appends to the trail of an already open user database. */
    static void record(AuditLog audit, AuditAction action, String target, boolean ok, String detail) {
        try {
            audit.append(actor(), AuditEntry.CLI_SOURCE, action, target, ok, detail);
        } catch (UserException e) {
            throw new CliFailure(action.label() + " " + target + " was done, but " + e.getMessage());
        }
    }

    /** Opens the user database of the data directory {@code where} picks and appends to its trail. */
    static void record(DataOptions where, Clock clock, AuditAction action, String target, boolean ok, String detail) {
        try (UserStore users = UserStore.open(where.existingDataDir().usersDb(), clock)) {
            record(users.audit(), action, target, ok, detail);
        } catch (UserException e) {
            throw new CliFailure(action.label() + " " + target + " was done, but " + e.getMessage());
        }
    }
}
