package io.mibwatch.app.cli;

import io.mibwatch.thresholds.redbutton.ActivePeriod;
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
    /** With a config, SERVICE must be one of its services: section. */
    @Mixin
    DataOptions where;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        where.optionalConfig().ifPresent(cfg -> RedButtonCli.service(cfg, where.configFile(), service));
        Instant now = clock.instant();
        Instant f = RedButtonCli.time("--from", from, now);
        Instant t = RedButtonCli.time("--to", to, now);
        if (!f.isBefore(t)) throw new CliFailure("--from " + from + " is not before --to " + to, ExitCodes.USAGE);
        try (AlertStore db = AlertDb.open(where)) {
            long id = db.redButton().addActivePeriod(new ActivePeriod(user, service, f, t), now);
            spec.commandLine().getOut().printf("active period %d recorded: %s on %s from %s to %s%n", id, user, service, f, t);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
