package io.mibwatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The one rule for finding the config and the data directory, as the DataOptions mixin documents it. */
class DataOptionsTest {
    @TempDir
    Path tmp;

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        DataOptions where;
    }

    private static DataOptions parse(String... args) {
        Probe p = new Probe();
        new CommandLine(p).parseArgs(args);
        return p.where;
    }

    private Path config(String name, Path dataDir) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, "data_dir: " + dataDir.toAbsolutePath() + "\n");
        return f;
    }

    @Test
    void explicitConfigWinsOverTheOneInTheDataDirectory() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        config("data/mibwatch.yaml", data);
        Path other = config("other.yaml", tmp.resolve("elsewhere"));
        DataOptions w = parse("--config", other.toString(), "--data", data.toString());
        assertEquals(other, w.configFile());
        assertEquals(data, w.dataDir().root(), "--data wins over the config's data_dir");
    }

    @Test
    void dataDirectoryHoldingMibwatchYamlGivesTheConfig() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("demo"));
        Path yaml = config("demo/mibwatch.yaml", data);
        DataOptions w = parse("--data", data.toString());
        assertEquals(yaml, w.configFile());
        assertEquals(data.toAbsolutePath(), w.requiredConfig().dataDir());
    }

    @Test
    void withoutOptionsTheConfigIsThePackagesConffileAndTheDataItsDefault() {
        assumeFalse(Files.exists(DataOptions.DEFAULT_CONFIG), "the machine has a packaged config");
        DataOptions w = parse();
        assertEquals(Path.of("/etc/mibwatch/mibwatch.yaml"), w.configFile());
        assertTrue(w.optionalConfig().isEmpty(), "the default config is read only when present");
        assertEquals(Path.of("/var/lib/mibwatch"), w.dataDir().root());
    }

    @Test
    void theConfigsDataDirIsUsedWithoutData() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("var"));
        Path f = config("c.yaml", data);
        DataOptions w = parse("--config", f.toString());
        assertEquals(data.toAbsolutePath(), w.dataDir().root());
        assertEquals(data.toAbsolutePath().resolve("rrd"), w.dataDir().rrd());
        assertEquals(data.toAbsolutePath().resolve("mibwatch.db"), w.existingDataDir().alertDb());
        assertEquals(data.toAbsolutePath().resolve("web.db"), w.existingDataDir().usersDb());
    }

    @Test
    void aMissingDataDirectoryNamesTheOptionAndItsValue() {
        Path none = tmp.resolve("none");
        DataOptions w = parse("--data", none.toString());
        CliFailure e = assertThrows(CliFailure.class, w::withRrd);
        assertEquals("no data directory " + none.resolve("rrd") + " (--data " + none + ")", e.getMessage());
        e = assertThrows(CliFailure.class, w::existingDataDir);
        assertEquals("no data directory " + none + " (--data " + none + ")", e.getMessage());
    }

    @Test
    void aMissingDataDirectoryFromTheConfigNamesDataDirAndTheFile() throws Exception {
        Path none = tmp.resolve("gone");
        Path f = config("c.yaml", none);
        CliFailure e = assertThrows(CliFailure.class, () -> parse("--config", f.toString()).withRrd());
        assertEquals("no data directory " + none.toAbsolutePath().resolve("rrd") + " (data_dir "
                + none.toAbsolutePath() + " in " + f + ")", e.getMessage());
    }

    @Test
    void anExplicitConfigMustExist() {
        Path absent = tmp.resolve("absent.yaml");
        DataOptions w = parse("--config", absent.toString(), "--data", tmp.toString());
        CliFailure e = assertThrows(CliFailure.class, w::optionalConfig);
        assertEquals(ExitCodes.CONFIG, e.exitCode());
        assertEquals("config file " + absent + " does not exist or is not a file", e.getMessage());
    }

    @Test
    void aCommandThatNeedsAConfigNamesTheFileTheRuleChose() {
        assumeFalse(Files.exists(DataOptions.DEFAULT_CONFIG), "the machine has a packaged config");
        CliFailure e = assertThrows(CliFailure.class, () -> parse("--data", tmp.toString()).requiredConfig());
        assertEquals(ExitCodes.CONFIG, e.exitCode());
        assertEquals("config file /etc/mibwatch/mibwatch.yaml does not exist or is not a file", e.getMessage());
    }

    @Test
    void everyDataCommandTakesTheOptionsFromTheMixin() {
        CommandLine cli = MibwatchCommand.commandLine();
        for (String path : new String[] {"query", "check", "alerts", "alerts ack", "apdex", "baseline show",
                "baseline status", "thresholds suggest", "thresholds adopt", "complain", "active", "serve",
                "silence add", "silence list", "silence remove", "user add", "user passwd", "user remove",
                "user list", "user token", "audit"}) {
            CommandLine c = cli;
            for (String name : path.split(" ")) c = c.getSubcommands().get(name);
            var spec = c.getCommandSpec();
            assertTrue(spec.mixins().values().stream().anyMatch(m -> m.userObject() instanceof DataOptions), path);
            assertEquals(spec.findOption("--config").description()[0], "config file (default: DIR/mibwatch.yaml when "
                    + "--data DIR holds one, else /etc/mibwatch/mibwatch.yaml)", path);
        }
    }
}
