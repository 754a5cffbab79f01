package io.mibwatch.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code mibwatch} command; every feature is a subcommand. */
@Command(name = "mibwatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "SNMP monitoring appliance: polls devices, stores rates in RRD files, raises alerts.",
        subcommands = {
                GetCommand.class,
                WalkCommand.class,
                DiscoverCommand.class,
                ServeCommand.class,
                UserCommand.class,
                AuditCommand.class,
                QueryCommand.class,
                ConfigCommand.class,
                SimulateCommand.class,
                MibCommand.class,
                AlertsCommand.class, SilenceCommand.class, RulesCommand.class, CheckCommand.class,
                DemoCommand.class, BaselineCommand.class,
                ApdexCommand.class, ComplainCommand.class, ActiveCommand.class, ThresholdsCommand.class,
                VoiceQualityCommand.class,
                CommandLine.HelpCommand.class
        })
public final class MibwatchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: exit codes and one-line error messages for scripts. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MibwatchCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A failure a user can act on (timeout, auth, bad file) is one line on stderr,
            // never a stack trace; scripts test the exit code.
            String msg = ex instanceof CliFailure f ? f.getMessage()
                    : ex.getClass().getSimpleName() + ": " + ex.getMessage();
            commandLine.getErr().println("mibwatch " + commandLine.getCommandName() + ": " + msg);
            return ex instanceof CliFailure f ? f.exitCode() : ExitCodes.FAILURE;
        });
        return cl;
    }
}
