package io.mibwatch.app;

import io.mibwatch.app.cli.MibwatchCommand;
import picocli.CommandLine;

/** Entry point of the {@code mibwatch} command (CLI and daemon). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        // The daemon logs at INFO to stdout (the journal); one-shot commands stay quiet
        // so that their stdout is only the data a script asked for. Must be set before
        // the first logger is created.
        if (args.length > 0 && (args[0].equals("serve") || args[0].equals("demo"))) {
            System.setProperty("mibwatch.log.level", System.getProperty("mibwatch.log.level", "INFO"));
        }
        return MibwatchCommand.commandLine().execute(args);
    }

    /** Runs the CLI with its output going to the given writers (in-process tests). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = MibwatchCommand.commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }
}
