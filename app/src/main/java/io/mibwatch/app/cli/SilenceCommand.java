package io.mibwatch.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.SilenceRow;
import io.mibwatch.web.auth.AuditAction;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mibwatch silence add|list|remove}: maintenance windows in the event store. The daemon
 * picks changes up at its next recheck (every 10 s); alerts matching a silence still change state
 * but are not notified.
 */
@Command(name = "silence", description = "Add, list or remove silences (maintenance windows).",
        subcommands = {SilenceCommand.Add.class, SilenceCommand.ListSilences.class, SilenceCommand.Remove.class})
final class SilenceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static final Pattern MATCH = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.+)");
    /** {@code --for}: a positive duration, the same forms as a silence's duration in the web API. */
    static Duration span(String text) {
        return DurationOption.positive("--for", text);
    }

    @Command(name = "add", description = "Silence alerts matching every --match for a while.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--match", required = true, paramLabel = "LABEL=GLOB",
                description = "device=srv1, metric=cpu/* (GROUP/METRIC or METRIC), or any alert label "
                        + "(rule, group, instance, severity); globs with * and ?; repeat to narrow")
        List<String> matches;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Until until;
        @Option(names = "--start", paramLabel = "TIME", description = "start (default now): ISO-8601, epoch seconds")
        String start;
        @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "why, e.g. a change ticket")
        String comment;
        @Option(names = "--user", paramLabel = "NAME", description = "default: the login name")
        String user;
        @Mixin
        DataOptions where;

        static final class Until {
            @Option(names = "--for", paramLabel = "DURATION", description = "e.g. 90s, 30m, 2h, 1h30m, 1d, 1w")
            String forText;
            @Option(names = "--until", paramLabel = "TIME", description = "end: ISO-8601 or epoch seconds")
            String untilText;
        }

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() throws Exception {
            Instant now = clock.instant();
            String device = "*";
            String metric = "*";
            Map<String, String> labels = new LinkedHashMap<>();
            for (String m : matches) {
                Matcher mm = MATCH.matcher(m);
                if (!mm.matches()) {
                    throw new CliFailure("--match '" + m + "': expected LABEL=GLOB, e.g. device=srv1", ExitCodes.USAGE);
                }
                switch (mm.group(1)) {
                    case "device" -> device = mm.group(2);
                    case "metric" -> metric = mm.group(2);
                    default -> labels.put(mm.group(1), mm.group(2));
                }
            }
            Instant from;
            Instant to;
            try {
                from = start == null ? now : TimeSpec.parse(start, now, ZoneId.systemDefault());
                to = until.forText != null ? from.plus(span(until.forText))
                        : TimeSpec.parse(until.untilText, now, ZoneId.systemDefault());
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
            }
            if (!to.isAfter(from)) {
                throw new CliFailure("the silence would end (" + to + ") before it starts (" + from + ")", ExitCodes.USAGE);
            }
            if (!to.isAfter(now)) {
                throw new CliFailure("the silence would end in the past (" + to + ")", ExitCodes.USAGE);
            }
            Optional<String> tooLong = SilenceRow.lengthProblem(from, to);
            if (tooLong.isPresent()) {
                throw new CliFailure(tooLong.get(), ExitCodes.USAGE);
            }
            String who = user != null ? user : System.getProperty("user.name", "unknown");
            String id = "s-" + UUID.randomUUID().toString().substring(0, 8);
            SilenceRow row = new SilenceRow(id, new SilenceRow.Matcher(device, metric, labels), from, to, who, comment);
            try (AlertStore store = AlertDb.open(where)) {
                store.addSilence(row);
            }
            CliAudit.record(where, clock, AuditAction.SILENCE_ADD, id, true, "device " + device + ", metric " + metric
                    + (labels.isEmpty() ? "" : ", labels " + labels) + ", until " + to);
            PrintWriter out = spec.commandLine().getOut();
            out.println(id);
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List current and future silences (--all: expired ones too).")
    static final class ListSilences implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--all", description = "include expired silences")
        boolean all;
        @Option(names = "--json", description = "JSON array")
        boolean json;
        @Mixin
        DataOptions where;

        @Override
        public Integer call() throws Exception {
            Instant now = Clock.systemUTC().instant();
            PrintWriter out = spec.commandLine().getOut();
            try (AlertStore store = AlertDb.open(where)) {
                List<SilenceRow> rows = store.silences().stream().filter(s -> all || s.end().isAfter(now)).toList();
                if (json) {
                    ObjectMapper m = new ObjectMapper();
                    ArrayNode arr = m.createArrayNode();
                    for (SilenceRow s : rows) {
                        arr.addObject().put("id", s.id()).put("match", match(s)).put("start", s.start().toString())
                                .put("end", s.end().toString()).put("createdBy", s.createdBy())
                                .put("comment", s.comment()).put("active", s.activeAt(now));
                    }
                    out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
                } else if (rows.isEmpty()) {
                    out.println("no silences");
                } else {
                    String fmt = "%-10s %-7s %-24s %-24s %-10s %-30s %s%n";
                    out.printf(fmt, "ID", "STATE", "START", "END", "BY", "MATCH", "COMMENT");
                    for (SilenceRow s : rows) {
                        String st = s.activeAt(now) ? "active" : s.end().isAfter(now) ? "pending" : "expired";
                        out.printf(fmt, s.id(), st, s.start(), s.end(), s.createdBy(), match(s), s.comment());
                    }
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String match(SilenceRow s) {
            StringBuilder b = new StringBuilder();
            if (!s.matcher().device().equals("*")) {
                b.append("device=").append(s.matcher().device());
            }
            if (!s.matcher().metric().equals("*")) {
                b.append(b.length() > 0 ? " " : "").append("metric=").append(s.matcher().metric());
            }
            s.matcher().labels().forEach((k, v) -> b.append(b.length() > 0 ? " " : "").append(k).append('=').append(v));
            return b.length() == 0 ? "(everything)" : b.toString();
        }
    }

    @Command(name = "remove", description = "Remove a silence by id (the daemon notifies still-firing alerts then).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID")
        String id;
        @Mixin
        DataOptions where;

        @Override
        public Integer call() throws Exception {
            try (AlertStore store = AlertDb.open(where)) {
                if (!store.removeSilence(id)) {
                    throw new CliFailure("no silence " + id + " (see 'mibwatch silence list --all')");
                }
            }
            CliAudit.record(where, Clock.systemUTC(), AuditAction.SILENCE_REMOVE, id, true, "");
            spec.commandLine().getOut().println("removed " + id);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
