package io.mibwatch.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the real {@code mibwatch} command line in-process and captures its output (test helper). */
final class MibCli {

    record Result(int exit, String out, String err) {
    }

    private MibCli() {
    }

    static Result run(String... args) {
        CommandLine cl = MibwatchCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static Path mibDir() {
        Path p = Path.of("").toAbsolutePath();
        for (; p != null; p = p.getParent()) {
            for (Path c : new Path[] {p.resolve("shared/snmpdata/mibs"), p.resolve("../shared/snmpdata/mibs")}) {
                if (Files.isDirectory(c)) {
                    return c.normalize();
                }
            }
        }
        throw new IllegalStateException("shared/snmpdata/mibs not found above " + Path.of("").toAbsolutePath());
    }
}
