package io.mibwatch.app.cli;

import io.mibwatch.thresholds.pipeline.AlertingSetup;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.catalog.threshold.Direction;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.config.ThresholdsConfig;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.SeriesNotFoundException;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.thresholds.rule.ChangeRule;
import io.mibwatch.thresholds.rule.InterfaceDown;
import io.mibwatch.thresholds.rule.Levels;
import io.mibwatch.thresholds.rule.PercentageRule;
import io.mibwatch.thresholds.rule.Reboot;
import io.mibwatch.thresholds.rule.ReferenceRule;
import io.mibwatch.thresholds.rule.Rule;
import io.mibwatch.thresholds.rule.RuleSet;
import io.mibwatch.thresholds.rule.StaticThreshold;
import io.mibwatch.thresholds.rule.Unreachable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mibwatch check DEVICE METRIC}: a Nagios/Icinga plugin over the stored data. Prints one
 * line {@code STATUS - METRIC = VALUE | 'METRIC'=VALUE;WARN;CRIT} and exits 0 OK, 1 WARNING,
 * 2 CRITICAL, 3 UNKNOWN (Monitoring Plugins Development Guidelines, "Plugin Return Codes" and
 * "Performance data"). Reads the latest value from the RRD files, read-only.
 */
@Command(name = "check", description = "Monitoring-plugin check of the latest stored value: exit 0 OK, 1 WARNING, "
        + "2 CRITICAL, 3 UNKNOWN, with perfdata. Levels from -w/-c, else from the resolved rules.")
final class CheckCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int WARNING = 1;
    static final int CRITICAL = 2;
    static final int UNKNOWN = 3;

    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "DEVICE")
    String device;
    @Parameters(index = "1", paramLabel = "METRIC", description = "GROUP/METRIC, e.g. cpu/load or interfaces/inOctets")
    String metric;
    @Option(names = "--instance", paramLabel = "I", description = "instance (interface, processor...); needed when there are several")
    String instance;
    @Option(names = {"-w", "--warning"}, paramLabel = "X", description = "warning level")
    Double warning;
    @Option(names = {"-c", "--critical"}, paramLabel = "Y", description = "critical level (below -w: low values are bad)")
    Double critical;
    @Option(names = "--max-age", defaultValue = "10m", paramLabel = "DURATION",
            description = "older data is UNKNOWN (default ${DEFAULT-VALUE})")
    String maxAge;
    /** The config gives the data directory and the threshold overrides. */
    @Mixin
    DataOptions where;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            return check(out);
        } catch (CliFailure e) {
            // a plugin never exits 1 for its own trouble: that would read as WARNING
            out.println("UNKNOWN - " + e.getMessage());
            return UNKNOWN;
        } finally {
            out.flush();
        }
    }

    private int check(PrintWriter out) {
        int slash = metric.indexOf('/');
        if (slash <= 0 || slash == metric.length() - 1 || metric.indexOf('/', slash + 1) >= 0) {
            throw new CliFailure("METRIC '" + metric + "' must be GROUP/METRIC, e.g. cpu/load");
        }
        String group = metric.substring(0, slash);
        String name = metric.substring(slash + 1);
        MibwatchConfig cfg = where.optionalConfig().orElse(null);
        Path dir = where.withRrd().rrd();
        Duration age = DurationOption.positive("--max-age", maxAge);
        Instant now = clock.instant();
        try (RrdSeriesStore store = RrdSeriesStore.readOnly(dir, new SeriesSchema(StandardMetrics.dsNamesByGroup()))) {
            List<SeriesId> candidates = store.list(device).stream()
                    .filter(s -> s.group().equals(group) && s.metric().equals(name)
                            && (instance == null || s.instance().equals(instance)))
                    .toList();
            if (candidates.isEmpty()) {
                throw new CliFailure("no stored series " + metric + (instance == null ? "" : " instance " + instance)
                        + " for device '" + device + "' in " + dir);
            }
            if (candidates.size() > 1) {
                throw new CliFailure(metric + " has several instances on " + device + ": "
                        + candidates.stream().map(SeriesId::instance).toList() + "; pick one with --instance");
            }
            SeriesId id = candidates.get(0);
            SeriesData d;
            try {
                d = store.fetch(id, now.minus(age), now, Duration.ofSeconds(1), Consolidation.AVERAGE);
            } catch (SeriesNotFoundException e) {
                throw new CliFailure(e.getMessage());
            }
            OptionalDouble latest = OptionalDouble.empty();
            for (SeriesData.Point p : d.points()) {
                if (!Double.isNaN(p.value())) {
                    latest = OptionalDouble.of(p.value());
                }
            }
            String label = metric;
            if (latest.isEmpty()) {
                throw new CliFailure("no value of " + label + " on " + device + " in the last " + maxAge);
            }
            double v = latest.getAsDouble();
            Optional<Levels> levels = levels(cfg, id);
            Optional<Severity> sev = levels.flatMap(l -> l.severityOf(v));
            int code = sev.map(s -> s == Severity.CRITICAL ? CRITICAL : WARNING).orElse(OK);
            String status = switch (code) {
                case CRITICAL -> "CRITICAL";
                case WARNING -> "WARNING";
                default -> "OK";
            };
            String w = levels.flatMap(l -> toOpt(l.warning())).map(CheckCommand::level).orElse("");
            String c = levels.flatMap(l -> toOpt(l.critical())).map(CheckCommand::level).orElse("");
            boolean low = levels.map(l -> l.direction() == Direction.LOW).orElse(false);
            // Monitoring Plugins range syntax: "X:" alerts below X (low is bad), plain "X" above it
            if (low) {
                w = w.isEmpty() ? w : w + ":";
                c = c.isEmpty() ? c : c + ":";
            }
            String perf = "'" + label + "'=" + value(v) + ";" + w + ";" + c;
            out.println(status + " - " + label + " = " + value(v) + " | " + perf.replaceAll(";+$", ""));
            return code;
        }
    }

    private Optional<Levels> levels(MibwatchConfig cfg, SeriesId id) {
        if (warning != null || critical != null) {
            double w = warning != null ? warning : critical;
            double c = critical != null ? critical : warning;
            Direction dir = w > c ? Direction.LOW : Direction.HIGH;
            return Optional.of(new Levels(dir, warning == null ? OptionalDouble.empty() : OptionalDouble.of(warning),
                    critical == null ? OptionalDouble.empty() : OptionalDouble.of(critical), OptionalDouble.empty(), 1,
                    Duration.ZERO));
        }
        ThresholdsConfig t = cfg == null ? ThresholdsConfig.STOCK : cfg.thresholds();
        RuleSet rules = RuleSet.standard(AlertingSetup.rules(t));
        for (Rule r : rules.resolve(id)) {
            if (r instanceof ReferenceRule x) {
                return Optional.of(x.levels());
            }
            if (r instanceof PercentageRule x) {
                return Optional.of(x.levels());
            }
            if (r instanceof StaticThreshold x) {
                return Optional.of(x.levels());
            }
            if (r instanceof ChangeRule || r instanceof Unreachable || r instanceof Reboot || r instanceof InterfaceDown) {
                continue; // not a level on the stored value
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> toOpt(OptionalDouble d) {
        return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
    }

    private static String value(double v) {
        return new DecimalFormat("0.0###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }

    private static String level(double v) {
        return new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }
}
