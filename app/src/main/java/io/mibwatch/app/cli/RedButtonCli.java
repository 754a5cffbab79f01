package io.mibwatch.app.cli;

import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.config.ServicesConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

/** What the red button commands share: finding the service and reading times. */
final class RedButtonCli {
    private RedButtonCli() {
    }

    /** The service from the config; null config means "not checked" (the CLI runs without one). */
    static ServicesConfig.Service service(MibwatchConfig cfg, Path config, String name) {
        return cfg.services().service(name).orElseThrow(() -> new CliFailure("no service '" + name + "' in " + config
                + "; services: " + (cfg.services().services().isEmpty() ? "(none)" : String.join(", ",
                cfg.services().services().stream().map(ServicesConfig.Service::name).toList())), ExitCodes.USAGE));
    }

    static Instant time(String option, String text, Instant now) {
        return TimeSpec.option(option, text, now, ZoneId.systemDefault());
    }
}
