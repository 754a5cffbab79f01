package io.mibwatch.app.cli;

import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.thresholds.redbutton.Complaint;
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

/** {@code mibwatch complain SERVICE --user U [--at TIME]}: the red button. */
@Command(name = "complain", description = "Report that SERVICE is bad right now (the red button). "
        + "Complaints feed `thresholds suggest`.")
final class ComplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;
    @Option(names = "--user", required = true, paramLabel = "USER")
    String user;
    @Option(names = "--at", defaultValue = "now", paramLabel = "TIME", description = "when (default ${DEFAULT-VALUE}; -10m, ISO-8601)")
    String at;
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
        if (user.isBlank()) throw new CliFailure("--user must not be empty", ExitCodes.USAGE);
        Instant now = clock.instant();
        Instant when = RedButtonCli.time("--at", at, now);
        try (AlertStore db = AlertDb.open(data, cfg == null ? null : file)) {
            long id = db.redButton().addComplaint(new Complaint(user, service, when), now);
            spec.commandLine().getOut().printf("complaint %d recorded: %s says %s is bad at %s%n", id, user, service, when);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
