package io.mibwatch.app.cli;

import io.mibwatch.thresholds.ruletest.RuleTestException;
import io.mibwatch.thresholds.ruletest.RuleTestFile;
import io.mibwatch.thresholds.ruletest.RuleTestParser;
import io.mibwatch.thresholds.ruletest.RuleTestResult;
import io.mibwatch.thresholds.ruletest.RuleTestRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mibwatch rules test FILE...}: promtool-style rule unit tests. */
@Command(name = "rules", description = "Rule tools.", subcommands = RulesCommand.Test.class)
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "test", description = "Run rule unit test files (input series, evaluation times, expected "
            + "alerts and notifications). Exit 0 when all pass, 1 otherwise.")
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean ok = true;
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    out.println(f + ": FAILED: no such file");
                    ok = false;
                    continue;
                }
                RuleTestFile parsed;
                try {
                    parsed = RuleTestParser.parse(f);
                } catch (RuleTestException e) {
                    out.println(f + ": FAILED: " + e.getMessage());
                    ok = false;
                    continue;
                }
                List<RuleTestResult> results = RuleTestRunner.run(parsed);
                long passed = results.stream().filter(RuleTestResult::passed).count();
                out.println(f + ": " + (passed == results.size() ? "SUCCESS" : "FAILED") + " (" + passed + " of "
                        + results.size() + " tests passed)");
                for (RuleTestResult r : results) {
                    if (!r.passed()) {
                        ok = false;
                        out.println("  FAIL  " + r.test());
                        r.failures().forEach(line -> out.println("        " + line.replace("\n", "\n        ")));
                    }
                }
            }
            out.flush();
            return ok ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
