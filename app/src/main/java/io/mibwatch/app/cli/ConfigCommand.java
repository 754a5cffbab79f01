package io.mibwatch.app.cli;

import io.mibwatch.config.ConfigException;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mibwatch config check [FILE]}. */
@Command(name = "config", description = "Configuration tools.", subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", description = "Validate a config file; print every error with its key path. Exit 3 when invalid.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "default: /etc/mibwatch/mibwatch.yaml")
        Path file;

        @Override
        public Integer call() {
            Path f = file == null ? DataOptions.DEFAULT_CONFIG : file;
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                MibwatchConfig c = ConfigLoader.load(f);
                if (c.devices().isEmpty()) {
                    // Valid (the packaged config ships with none, and serve runs with none), so exit 0;
                    // but a config that polls nothing is rarely what was meant: warn, and say where to add them.
                    out.printf("%s: OK, but no devices, %d credential set(s)%n", f, c.credentials().size());
                    out.flush();
                    err.printf("warning: %s has no devices: nothing will be polled. Add them as a list under "
                            + "devices: in %s (each with name, address and credentials; the packaged "
                            + "/etc/mibwatch/mibwatch.yaml has commented examples)%n", f, f);
                    err.flush();
                    return ExitCodes.OK;
                }
                out.printf("%s: OK, %d device(s), %d credential set(s)%n", f, c.devices().size(), c.credentials().size());
                out.flush();
                return ExitCodes.OK;
            } catch (ConfigException e) {
                err.println(e.getMessage());
                err.flush();
                return ExitCodes.CONFIG;
            }
        }
    }
}
