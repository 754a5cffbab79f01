package io.mibwatch.app.cli;

import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.app.demo.Demo;
import io.mibwatch.app.web.WebWiring;
import io.mibwatch.config.HttpConfig;
import io.mibwatch.simulator.scenario.Fault;
import io.mibwatch.simulator.scenario.Scenario;
import io.mibwatch.simulator.scenario.ScenarioException;
import io.mibwatch.simulator.scenario.ScenarioLoader;
import io.mibwatch.simulator.agent.SnmpSimulator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mibwatch demo}: the main job on a fresh clone. Starts the built-in simulated fleet on
 * 127.0.0.1, backfills weeks of history, runs the appliance against it with a scenario that makes
 * a CPU spike, a link down, a reboot and a timeout happen in the first minutes (logged by the
 * daemon), prints what to look at, and stops cleanly on Ctrl-C / SIGTERM (flush, exit 0).
 */
@Command(name = "demo", description = {
        "One command demo: the built-in simulated fleet (20 devices on 127.0.0.1), ~4 weeks of backfilled",
        "history and the monitoring daemon polling it, with a scenario (CPU spike, link down, reboot,",
        "timeout) in the first 3 minutes, a CPU out of its learned time-of-day baseline, and a voice service",
        "whose IP SLA operation degrades every 3 hours, with users' red-button complaints seeded for",
        "`thresholds suggest voice`. Ctrl-C stops everything cleanly."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory, kept after exit (default: a new temporary directory, removed on exit)")
    Path data;

    @Option(names = "--history-days", defaultValue = "28", paramLabel = "DAYS",
            description = "days of history to backfill, 0..90; default ${DEFAULT-VALUE}")
    int historyDays;

    @Option(names = "--interval", defaultValue = "30", paramLabel = "SECONDS",
            description = "poll interval of every device, 1..300 s; default ${DEFAULT-VALUE}")
    int interval;

    @Option(names = "--http-listen", paramLabel = "HOST:PORT",
            description = "web UI address (default: 127.0.0.1:8080; port 0 = any free port)")
    String httpListen;

    @Option(names = "--scenario", paramLabel = "FILE", description = "fault scenario YAML instead of the built-in demo one")
    Path scenarioFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (historyDays < 0 || historyDays > 90) {
            throw new CliFailure("--history-days must be 0..90, got " + historyDays, ExitCodes.USAGE);
        }
        if (interval < 1 || interval > 300) {
            throw new CliFailure("--interval must be 1..300 seconds, got " + interval, ExitCodes.USAGE);
        }
        Scenario scenario;
        try {
            scenario = scenarioFile == null ? Demo.builtInScenario() : ScenarioLoader.load(scenarioFile);
        } catch (ScenarioException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
        // the demo's own config has no http section: --http-listen or 127.0.0.1:8080
        HttpConfig.Listen listen = HttpListen.choose(httpListen, HttpConfig.DEFAULT, HttpConfig.DEMO_LISTEN);
        // before the history backfill and the first admin password, not after them
        HttpListen.requireFree(listen, HttpListen.source(httpListen, HttpConfig.DEFAULT, null));
        Path dir = data != null ? data : Files.createTempDirectory("mibwatch-demo-");
        DataDir dataDir = new DataDir(dir);
        if (Files.isDirectory(dataDir.rrd()) && historyDays > 0) {
            try (var s = Files.list(dataDir.rrd())) {
                if (s.findAny().isPresent()) {
                    throw new CliFailure(dir + " already holds RRD files; the demo backfills only into an empty data "
                            + "directory (use another --data, or --history-days 0)", ExitCodes.USAGE);
                }
            }
        }
        CountDownLatch stop = new CountDownLatch(1);
        // TERM/INT handled here (not a shutdown hook) so the flush runs on this thread and we exit 0
        sun.misc.SignalHandler handler = sig -> stop.countDown();
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);

        out.printf("mibwatch demo: starting 20 simulated devices and backfilling %d day(s) of history into %s ...%n",
                historyDays, dir.toAbsolutePath());
        out.flush();
        long t0 = System.nanoTime();
        try (Demo demo = Demo.start(new Demo.Settings(dataDir, Duration.ofDays(historyDays), Duration.ofSeconds(interval), scenario),
                Clock.systemUTC());
             WebWiring web = WebWiring.start(demo.daemon(), demo.config(), dataDir, listen, Clock.systemUTC(), out)) {
            Demo.Timings t = demo.timings();
            out.print(demo.simulation().agent().endpointTable());
            out.printf("%nstarted in %.1f s: fleet %d ms, backfill %.1f s (%d RRD files, %d archive rows), daemon %d ms%n",
                    (System.nanoTime() - t0) / 1e9, t.simulator().toMillis(), t.backfill().toMillis() / 1000.0, t.files(), t.rows(),
                    t.daemon().toMillis());
            out.print(guide(demo, dir, scenario, interval));
            out.printf("%nweb UI: %s   (log in as admin; the password is printed above on the first start of a data directory)%n",
                    web.url());
            out.flush();
            stop.await();
            out.println("stopping: web UI, then flushing RRD files ...");
            out.flush();
        }
        if (data == null) {
            // a temporary directory we made: four weeks of 20 devices is ~1 GB, do not leave it in /tmp
            deleteTree(dir);
            out.printf("stopped; temporary data in %s removed (use --data DIR to keep it)%n", dir.toAbsolutePath());
        } else {
            out.printf("stopped; data kept in %s%n", dir.toAbsolutePath());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The CLI commands to watch and query, next to the web UI. */
    static String guide(Demo demo, Path dir, Scenario scenario, int interval) {
        StringBuilder sb = new StringBuilder();
        String d = dir.toAbsolutePath().toString();
        SnmpSimulator.Endpoint core1 = demo.simulation().endpoints().stream()
                .filter(e -> e.device().equals("core1")).findFirst().orElse(demo.simulation().endpoints().get(0));
        sb.append("\nThe daemon polls every ").append(interval).append(" s; events are logged below as they are seen:\n");
        for (Fault f : scenario.faults()) {
            if (f instanceof Fault.Degradation g) {
                sb.append(String.format("  every %-3s %-9s %s IP SLA %d: +%d ms RTT, %d %% loss for %s at seeded times "
                                + "(in the history too)%n", g.every().toSeconds() % 3600 == 0 ? g.every().toHours() + "h"
                                : seconds(g.every()), f.kind(), f.device(), g.operation(), g.delay().toMillis(),
                        g.lossPercent(), seconds(g.duration())));
            } else {
                sb.append(String.format("  +%-5s %-14s %s%s%n", seconds(f.at()), f.kind(), f.device(),
                        f instanceof Fault.Windowed w ? " for " + seconds(w.duration()) : ""));
            }
        }
        Demo.Perception p = demo.perception();
        if (p.baselineSpike().isPresent()) {
            Fault.CpuSpike c = p.baselineSpike().get();
            sb.append(String.format(java.util.Locale.ROOT, "  +%-5s %-14s %s at %d %%: above this time of day's learned "
                            + "baseline (p90 + 50 %% = %.1f %%), so the cpu-baseline rule alerts%n",
                    seconds(c.at()), c.kind(), c.device(), c.percent(), p.slotLimit()));
        } else {
            sb.append("  (the servers' CPU baselines are still learning: less than 2 weeks of history, no baseline alerts)\n");
        }
        sb.append("\nIn another terminal:\n");
        sb.append("  ./mibwatch alerts --state all --data ").append(d).append("          # the alerts, newest state\n");
        sb.append("  ./mibwatch check srv2 cpu/load --instance 196608 --data ").append(d).append("  # Nagios-style\n");
        sb.append("  ./mibwatch apdex voice --from -1d --config ").append(d).append("/mibwatch.yaml   # the voice service's Apdex\n");
        sb.append("  ./mibwatch baseline show srv3 cpu/196608/load --slot 60m --data ").append(d).append('\n');
        sb.append("  ./mibwatch baseline status --data ").append(d).append("           # baseline rules: armed or learning\n");
        if (p.complaints() > 0) {
            sb.append("  ./mibwatch thresholds suggest voice --data ").append(d).append("   # the red button: ")
                    .append(p.complaints()).append(" complaints by ").append(p.users())
                    .append(" users during wan1's degradations, ranked\n");
            sb.append("  ./mibwatch complain voice --user you --data ").append(d).append("        # press it yourself\n");
        }
        sb.append("  ./mibwatch query wan1 cisco_rtt/20/mosCalc --from -1d --resolution 300 --data ").append(d)
                .append("   # E-model MOS\n");
        sb.append("  ./mibwatch query core1 --data ").append(d).append("                     # list core1's series\n");
        sb.append("  ./mibwatch query core1 interfaces/1/inOctets --from -7d --resolution 3600 --data ").append(d).append('\n');
        sb.append("  ./mibwatch query srv2 cpu/196608/load --from -10m --data ").append(d).append('\n');
        sb.append("  ./mibwatch query sw1 interfaces/10201/operStatus --from -10m --data ").append(d).append('\n');
        sb.append("  ./mibwatch walk -c public ").append(core1.address().getAddress().getHostAddress()).append(':')
                .append(core1.address().getPort()).append(" 1.3.6.1.2.1.1\n");
        sb.append("Ctrl-C to stop.\n\n");
        return sb.toString();
    }

    private static String seconds(Duration d) {
        return d.getSeconds() % 60 == 0 && d.getSeconds() > 0 ? d.toMinutes() + "m" : d.getSeconds() + "s";
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
