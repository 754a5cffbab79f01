package io.mibwatch.app.cli;

import io.mibwatch.thresholds.redbutton.Complaint;
import io.mibwatch.thresholds.store.AlertStore;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    /** With a config, SERVICE must be one of its services: section. */
    @Mixin
    DataOptions where;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        where.optionalConfig().ifPresent(cfg -> RedButtonCli.service(cfg, where.configFile(), service));
        if (user.isBlank()) throw new CliFailure("--user must not be empty", ExitCodes.USAGE);
        Instant now = clock.instant();
        Instant when = RedButtonCli.time("--at", at, now);
        try (AlertStore db = AlertDb.open(where)) {
            long id = db.redButton().addComplaint(new Complaint(user, service, when), now);
            spec.commandLine().getOut().printf("complaint %d recorded: %s says %s is bad at %s%n", id, user, service, when);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
