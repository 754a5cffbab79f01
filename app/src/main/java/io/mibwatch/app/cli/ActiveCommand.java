package io.mibwatch.app.cli;

import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.thresholds.redbutton.ActivePeriod;
import io.mibwatch.thresholds.store.AlertStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mibwatch active SERVICE --user U --from T --to T}: a user's active period on a service. */
@Command(name = "active", description = "Record that a user used SERVICE from..to (without any, the service's "
        + "working hours count as active).")
final class ActiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;
    @Option(names = "--user", required = true, paramLabel = "USER")
    String user;
    @Option(names = "--from", required = true, paramLabel = "TIME")
    String from;
    @Option(names = "--to", defaultValue = "now", paramLabel = "TIME", description = "(default ${DEFAULT-VALUE})")
    String to;
    @Option(names = "--config", paramLabel = "FILE", description = "config with the services: section (default: DIR/mibwatch.yaml with --data DIR, else /etc/mibwatch/mibwatch.yaml when present)")
    Path config;
    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: from the config, else /var/lib/mibwatch)")
    Path data;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        Path file = ConfigFiles.configFile(config, data);
        MibwatchConfig cfg = RedButtonCli.optionalConfig(file, !file.equals(ConfigFiles.DEFAULT_CONFIG));
        if (cfg != null) RedButtonCli.service(cfg, file, service);
        Instant now = clock.instant();
        Instant f = RedButtonCli.time("--from", from, now);
        Instant t = RedButtonCli.time("--to", to, now);
        if (!f.isBefore(t)) throw new CliFailure("--from " + from + " is not before --to " + to, ExitCodes.USAGE);
        try (AlertStore db = AlertDb.open(data, cfg == null ? null : file)) {
            long id = db.redButton().addActivePeriod(new ActivePeriod(user, service, f, t), now);
            spec.commandLine().getOut().printf("active period %d recorded: %s on %s from %s to %s%n", id, user, service, f, t);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
