package io.mibwatch.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.config.ServicesConfig;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.thresholds.redbutton.Analysis;
import io.mibwatch.thresholds.redbutton.MetricVerdict;
import io.mibwatch.thresholds.redbutton.RedButton;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.thresholds.apdex.ServiceSamples;
import io.mibwatch.thresholds.wiring.RedButtonWorkflow;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.RedButtonStore;
import io.mibwatch.web.auth.AuditAction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mibwatch thresholds suggest|adopt}: thresholds learned from users' complaints (the red button). */
@Command(name = "thresholds", description = "Threshold suggestions from users' complaints (the red button).",
        subcommands = {ThresholdsCommand.Suggest.class, ThresholdsCommand.Adopt.class})
final class ThresholdsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "suggest", description = "Compare each metric of SERVICE during complaint windows with active, "
            + "complaint-free time; rank metrics by significance and suggest T_satisfied / T_frustrated.")
    static final class Suggest implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "SERVICE")
        String service;
        @Option(names = "--from", defaultValue = "-7d", description = "history start (default ${DEFAULT-VALUE})")
        String from;
        @Option(names = "--to", defaultValue = "now", description = "history end (default ${DEFAULT-VALUE})")
        String to;
        @Option(names = "--window", defaultValue = "10m", description = "a complaint at c covers [c - w, c + w/2] (default ${DEFAULT-VALUE})")
        String window;
        @Option(names = "--min-complaints", defaultValue = "5", description = "fewer accepted complaints: no suggestion (default ${DEFAULT-VALUE})")
        int minComplaints;
        @Option(names = "--json", description = "JSON document")
        boolean json;
        /** The config's services: section is required. */
        @Mixin
        DataOptions where;

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() throws Exception {
            MibwatchConfig cfg = where.requiredConfig();
            ServicesConfig.Service s = RedButtonCli.service(cfg, where.configFile(), service);
            Instant now = clock.instant();
            Instant f = RedButtonCli.time("--from", from, now);
            Instant t = RedButtonCli.time("--to", to, now);
            if (!f.isBefore(t)) throw new CliFailure("--from " + from + " is not before --to " + to, ExitCodes.USAGE);
            Duration w;
            try {
                w = ApdexCommand.parseWindow(window);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
            }
            if (minComplaints < 1) throw new CliFailure("--min-complaints must be at least 1", ExitCodes.USAGE);
            Path rrdDir = where.withRrd().rrd();
            ObjectMapper mapper = new ObjectMapper();
            Analysis a;
            try (AlertStore db = AlertDb.open(where);
                 RrdSeriesStore store = RrdSeriesStore.readOnly(rrdDir, new SeriesSchema(StandardMetrics.dsNamesByGroup()))) {
                RedButtonStore rb = db.redButton();
                ServiceSamples h = ServiceHistory.read(store, s, MetricUnits.of(MetricCatalog.standard()), f, t);
                a = RedButtonWorkflow.suggest(rb, s, h, f, t,
                        new RedButton.Options(minComplaints, RedButton.DEFAULT_RATE_LIMIT, w), now);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode root = mapper.createObjectNode().put("service", service)
                        .put("from", f.toString()).put("to", t.toString())
                        .put("complaints_accepted", a.accepted()).put("complaints_outside_active", a.outsideActive())
                        .put("complaints_rate_limited", a.rateLimited()).put("min_complaints", a.minimum())
                        .put("enough_complaints", a.enoughComplaints());
                ArrayNode metrics = root.putArray("metrics");
                a.metrics().forEach(v -> metrics.add(RedButtonWorkflow.evidence(v, a)));
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                out.printf("%s: %d complaint(s) used, %d outside active periods (ignored), %d rate-limited (one per "
                        + "user per %d min)%n", service, a.accepted(), a.outsideActive(), a.rateLimited(),
                        RedButton.DEFAULT_RATE_LIMIT.toMinutes());
                if (!a.enoughComplaints()) {
                    out.printf("not enough complaints to suggest anything (need %d)%n", a.minimum());
                }
                int rank = 1;
                for (MetricVerdict v : a.metrics()) {
                    out.printf(Locale.ROOT, "%d. %s  %s  p=%.3g  delta=%+.2f  complaint mean %s median %s | normal mean %s median %s%n",
                            rank++, v.series(), v.significant() ? "SIGNIFICANT" : "not significant", v.test().p(),
                            v.test().delta(), num(v.complaint().mean()), num(v.complaint().median()),
                            num(v.normal().mean()), num(v.normal().median()));
                    if (v.significant()) {
                        out.printf(Locale.ROOT, "   suggest: T_frustrated %s, T_satisfied %s, Apdex t %s  "
                                        + "(adopt: mibwatch thresholds adopt %s %s)%n",
                                num(v.tFrustrated().getAsDouble()), num(v.tSatisfied().getAsDouble()),
                                num(v.apdexT().getAsDouble()), service, v.series());
                    }
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "adopt", description = "Adopt the latest suggestion for METRIC of SERVICE: recorded in the "
            + "event store; prints the YAML to paste into mibwatch.yaml (the file is never rewritten).")
    static final class Adopt implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "SERVICE")
        String service;
        @Parameters(index = "1", paramLabel = "METRIC", description = "DEVICE:GROUP/INSTANCE/METRIC as `suggest` prints it")
        String metric;
        @Option(names = "--user", defaultValue = "${sys:user.name}", description = "who adopts (default: the login name)")
        String user;
        @Mixin
        DataOptions where;

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            int colon = metric.indexOf(':');
            SeriesId id;
            try {
                if (colon <= 0) throw new IllegalArgumentException("expected DEVICE:GROUP/INSTANCE/METRIC");
                id = SeriesId.parse(metric.substring(0, colon), metric.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new CliFailure("METRIC '" + metric + "': " + e.getMessage() + ", as `thresholds suggest` prints it",
                        ExitCodes.USAGE);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (AlertStore db = AlertDb.open(where)) {
                RedButtonWorkflow.Adoption done = RedButtonWorkflow.adopt(db.redButton(), service, id, user, clock.instant());
                if (done.outcome() == RedButtonWorkflow.Outcome.NO_SUGGESTION) {
                    throw new CliFailure("no suggestion for " + id + " of service " + service
                            + "; run `mibwatch thresholds suggest " + service + "` first");
                }
                RedButtonStore.Suggestion sug = done.suggestion().orElseThrow();
                CliAudit.record(where, clock, AuditAction.SUGGESTION_ADOPT, service + "/" + id, true,
                        done.outcome().name().toLowerCase(Locale.ROOT) + ", suggestion " + sug.id() + ", by " + user);
                if (done.outcome() == RedButtonWorkflow.Outcome.ALREADY_ADOPTED) {
                    out.printf("suggestion %d was adopted already (%s by %s)%n", sug.id(),
                            sug.adoptedAt().map(Object::toString).orElse("?"), sug.adoptedBy().orElse("?"));
                } else {
                    out.printf("suggestion %d adopted by %s and recorded with its evidence.%n", sug.id(), user);
                }
                out.println("mibwatch.yaml is not rewritten (it holds comments and secrets); paste this under "
                        + "thresholds.rules and reload:");
                out.print(done.yaml());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    static String num(double v) {
        if (Double.isNaN(v)) return "-";
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
