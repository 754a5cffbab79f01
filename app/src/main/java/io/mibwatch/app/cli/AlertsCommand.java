package io.mibwatch.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mibwatch.thresholds.alert.AlertId;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.store.AckRequest;
import io.mibwatch.thresholds.store.AckRow;
import io.mibwatch.thresholds.store.AlertRow;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.StoredTransition;
import io.mibwatch.web.auth.AuditAction;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mibwatch alerts}: the alerts in the event store, worst and oldest first. Reads the
 * SQLite file the daemon writes (WAL lets it read while the daemon writes).
 */
@Command(name = "alerts", description = "List alerts from the event store (default: pending and firing), "
        + "most severe first, then oldest first.", subcommands = AlertsCommand.Ack.class)
final class AlertsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--state", defaultValue = "active", paramLabel = "STATE",
            description = "firing, pending, active (both; default), resolved or all")
    String state;
    @Option(names = "--json", description = "JSON array")
    boolean json;
    @Mixin
    DataOptions where;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        String st = state.toLowerCase(Locale.ROOT);
        if (!List.of("firing", "pending", "active", "resolved", "all").contains(st)) {
            throw new CliFailure("--state '" + state + "': expected firing, pending, active, resolved or all",
                    ExitCodes.USAGE);
        }
        PrintWriter out = spec.commandLine().getOut();
        Instant now = clock.instant();
        try (AlertStore store = AlertDb.open(where)) {
            List<AlertRow> rows = store.alerts().stream().filter(a -> switch (st) {
                case "firing" -> a.state() == AlertState.FIRING;
                case "pending" -> a.state() == AlertState.PENDING;
                case "active" -> a.state().active();
                case "resolved" -> a.state() == AlertState.RESOLVED;
                default -> a.state() != AlertState.INACTIVE;
            }).sorted(Comparator.<AlertRow, Integer>comparing(a -> a.severity().ordinal()).reversed()
                    .thenComparing(AlertRow::since).thenComparing(AlertRow::id)).toList();
            if (json) {
                ObjectMapper m = new ObjectMapper();
                ArrayNode arr = m.createArrayNode();
                for (AlertRow a : rows) {
                    ObjectNode o = arr.addObject();
                    o.put("id", a.id()).put("rule", a.rule()).put("device", a.device()).put("series", a.series())
                            .put("state", a.state().name()).put("severity", a.severity().name())
                            .put("since", a.since().toString()).put("summary", summary(store, a));
                    if (a.value().isPresent()) {
                        o.put("value", a.value().getAsDouble());
                    } else {
                        o.putNull("value");
                    }
                    a.firingSince().ifPresent(t -> o.put("firingSince", t.toString()));
                    a.ack().ifPresent(k -> o.putObject("ack").put("user", k.user()).put("comment", k.comment())
                            .put("at", k.at().toString()));
                    a.silencedBy().ifPresent(s -> o.put("silencedBy", s));
                    a.suppressedBy().ifPresent(s -> o.put("suppressedBy", s));
                    o.put("flapping", a.flapping());
                }
                out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
            } else if (rows.isEmpty()) {
                out.println("no " + (st.equals("all") ? "" : st + " ") + "alerts");
            } else {
                String fmt = "%-8s %-8s %-8s %-" + Math.max(5, rows.stream().mapToInt(a -> a.id().length()).max()
                        .orElse(5)) + "s  %s%n";
                out.printf(fmt, "SEVERITY", "STATE", "AGE", "ALERT", "SUMMARY");
                for (AlertRow a : rows) {
                    StringBuilder note = new StringBuilder(summary(store, a));
                    a.ack().ifPresent(k -> note.append(" [acked by ").append(k.user()).append(": ").append(k.comment())
                            .append(']'));
                    a.silencedBy().ifPresent(s -> note.append(" [silenced by ").append(s).append(']'));
                    a.suppressedBy().ifPresent(s -> note.append(" [suppressed: ").append(s).append(" unreachable]"));
                    if (a.flapping()) {
                        note.append(" [flapping]");
                    }
                    out.printf(fmt, a.severity(), a.state(), age(Duration.between(a.since(), now)), a.id(), note);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String summary(AlertStore store, AlertRow a) {
        List<StoredTransition> h = store.history(a.id());
        return h.isEmpty() ? "" : h.get(h.size() - 1).row().reason();
    }

    static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return s / 60 + "m";
        }
        if (s < 172800) {
            return s / 3600 + "h";
        }
        return s / 86400 + "d";
    }

    /**
     * {@code mibwatch alerts ack ID --comment TEXT}: queues the acknowledgement in the database;
     * the daemon, which owns the alert state, applies it at its next recheck (every 10 s) and
     * records the outcome, which this command waits for (up to {@code --wait}).
     */
    @Command(name = "ack", description = "Acknowledge a firing alert (the daemon applies it within about 10 s).")
    static final class Ack implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "alert id as listed by 'mibwatch alerts'")
        String id;
        @Option(names = "--comment", required = true, paramLabel = "TEXT")
        String comment;
        @Option(names = "--user", paramLabel = "NAME", description = "default: the login name")
        String user;
        @Option(names = "--wait", defaultValue = "15", paramLabel = "SECONDS",
                description = "wait this long for the daemon to apply it (0: just queue; default ${DEFAULT-VALUE})")
        int waitSeconds;
        @Mixin
        DataOptions where;

        @Override
        public Integer call() throws Exception {
            try {
                AlertId.parse(id);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
            }
            String who = user != null ? user : System.getProperty("user.name", "unknown");
            if (who.isBlank() || comment.isBlank()) {
                throw new CliFailure("--user and --comment must not be empty", ExitCodes.USAGE);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (AlertStore store = AlertDb.open(where)) {
                Optional<AlertRow> a = store.alert(id);
                if (a.isEmpty()) {
                    throw new CliFailure("no alert " + id + " (see 'mibwatch alerts --state all')");
                }
                if (a.get().state() != AlertState.FIRING) {
                    throw new CliFailure("alert " + id + " is " + a.get().state() + "; only a FIRING alert can be acknowledged");
                }
                long req = store.requestAck(new AckRow(id, who, comment, Clock.systemUTC().instant()));
                CliAudit.record(where, Clock.systemUTC(), AuditAction.ACK, id, true,
                        comment + " (queued as ack request " + req + (user == null ? "" : ", as " + who) + ")");
                out.println("ack request " + req + " queued for " + id);
                out.flush();
                long end = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
                while (System.nanoTime() < end) {
                    Optional<AckRequest> r = store.ackRequest(req);
                    if (r.isPresent() && r.get().outcome().isPresent()) {
                        String outcome = r.get().outcome().get();
                        out.println(id + ": " + outcome);
                        out.flush();
                        return outcome.equals("acknowledged") ? ExitCodes.OK : ExitCodes.FAILURE;
                    }
                    Thread.sleep(200);
                }
                if (waitSeconds > 0) {
                    out.println("not applied yet (is the daemon running?); it stays queued and is applied when it runs");
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }
}
