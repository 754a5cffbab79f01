package io.mibwatch.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mibwatch.core.time.DurationText;
import io.mibwatch.web.auth.AuditAction;
import io.mibwatch.web.auth.AuditEntry;
import io.mibwatch.web.auth.AuditQuery;
import io.mibwatch.web.auth.UserStore;
import io.mibwatch.web.http.Json;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mibwatch audit}: the audit trail (logins, acks, silences, adoptions, user changes), newest first. */
@Command(name = "audit", description = "Show the audit trail: who logged in (or failed), acknowledged, silenced, "
        + "adopted or changed users, from where; newest first.")
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--since", paramLabel = "DURATION|TIME",
            description = "only entries since this long ago (1h, 2d) or this time (-1h, ISO-8601, epoch seconds)")
    String since;
    @Option(names = "--user", paramLabel = "NAME", description = "only this actor (a web user, or cli:LOGIN)")
    String user;
    @Option(names = "--action", paramLabel = "ACTION", description = "only this action: login_ok, login_failed, "
            + "logout, ack, silence_add, silence_remove, suggestion_adopt, user_add, user_change, user_remove, token_create, token_revoke")
    String action;
    @Option(names = "--limit", defaultValue = "100", paramLabel = "N", description = "at most N entries (default ${DEFAULT-VALUE})")
    int limit;
    @Option(names = "--json", description = "JSON for scripts")
    boolean json;
    @Mixin
    DataOptions where;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        Instant now = clock.instant();
        Optional<Instant> from = Optional.ofNullable(since).map(s -> since(s, now));
        Optional<AuditAction> act = Optional.ofNullable(action).map(a -> {
            try {
                return AuditAction.parse(a);
            } catch (IllegalArgumentException e) {
                throw new CliFailure("--action " + e.getMessage(), ExitCodes.USAGE);
            }
        });
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw new CliFailure("--limit " + limit + ": expected 1.." + AuditQuery.MAX_LIMIT, ExitCodes.USAGE);
        }
        List<AuditEntry> entries;
        try (UserStore users = UserCommand.open(where)) {
            entries = users.audit().query(new AuditQuery(from, Optional.empty(), Optional.ofNullable(user), act, limit));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode arr = Json.MAPPER.createArrayNode();
            for (AuditEntry e : entries) {
                ObjectNode o = arr.addObject();
                o.put("id", e.id()).put("at", e.at().toString()).put("actor", e.actor()).put("source", e.source())
                        .put("action", e.action().label()).put("target", e.target()).put("ok", e.ok())
                        .put("detail", e.detail());
            }
            out.println(Json.MAPPER.writeValueAsString(arr));
        } else {
            out.printf("%-24s %-20s %-16s %-17s %-7s %s%n", "TIME", "ACTOR", "SOURCE", "ACTION", "OUTCOME", "TARGET: DETAIL");
            for (AuditEntry e : entries) {
                out.printf("%-24s %-20s %-16s %-17s %-7s %s%s%n", e.at(), e.actor(), e.source(), e.action().label(),
                        e.ok() ? "ok" : "refused", e.target(), e.detail().isEmpty() ? "" : ": " + e.detail());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** A duration back from now ({@code 1h}) or a time as {@link TimeSpec} reads it. */
    private static Instant since(String text, Instant now) {
        Optional<Duration> back = DurationText.parse(text);
        return back.isPresent() ? now.minus(back.get()) : TimeSpec.option("--since", text, now, ZoneId.systemDefault());
    }
}
