package io.mibwatch.web.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: who did what to which object, from where, and how it ended. It
 * never holds a secret (password, token, community): callers pass names and ids only.
 *
 * @param id      increasing number, for paging ({@code before})
 * @param actor   the web user (or the name tried, for a failed login), or {@code cli:<login>}
 * @param source  the remote address for the web, {@code cli} for the command line
 * @param target  the alert id, silence id, user name or {@code service/series}; empty when none
 * @param ok      whether the action was done (false: refused or failed)
 * @param detail  short free text (a comment, the changed fields, why it was refused); may be empty
 */
public record AuditEntry(long id, Instant at, String actor, String source, AuditAction action, String target,
                         boolean ok, String detail) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code cli:<login>}: how the command line names its actor. */
    public static String cliActor(String login) {
        return "cli:" + login;
    }

    public static final String CLI_SOURCE = "cli";
}
