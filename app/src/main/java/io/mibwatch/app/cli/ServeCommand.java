package io.mibwatch.app.cli;

import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.app.web.WebWiring;
import io.mibwatch.config.HttpConfig;
import io.mibwatch.config.MibwatchConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mibwatch serve}: the daemon and its web UI. Polls and stores until SIGTERM/SIGINT, then
 * stops the web server, flushes and exits 0.
 */
@Command(name = "serve", description = "Run the monitoring daemon and its web UI: poll the configured devices and store their series until SIGTERM.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--http-listen", paramLabel = "HOST:PORT",
            description = "web UI address (default: http.listen from the config, else 0.0.0.0:8080; port 0 = any free port)")
    String httpListen;

    /** The config is required: it lists the devices to poll. */
    @Mixin
    DataOptions where;

    @Option(names = "--alert-recheck", hidden = true, defaultValue = "10000", paramLabel = "MILLIS",
            description = "how often alerts are re-checked and CLI silences/acks picked up (tests)")
    long alertRecheckMillis;

    @Override
    public Integer call() throws Exception {
        MibwatchConfig cfg = where.requiredConfig();
        HttpConfig.Listen listen = HttpListen.choose(httpListen, cfg.http(), HttpConfig.SERVICE_LISTEN);
        // Fail before anything is created or printed (the first admin password, web.db, RRD files)
        HttpListen.requireFree(listen, HttpListen.source(httpListen, cfg.http(), where.configFile()));
        DataDir dir = where.createdDataDir();
        if (cfg.devices().isEmpty()) {
            LOG.warn("no devices configured in {}; nothing to poll", where.configFile());
        }
        CountDownLatch stop = new CountDownLatch(1);
        // Handle TERM/INT ourselves (not a shutdown hook) so that the flush runs on this
        // thread and the process exits 0, which is what systemd expects from a clean stop.
        sun.misc.SignalHandler handler = sig -> stop.countDown();
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
        try (Daemon daemon = new Daemon(cfg, dir, Clock.systemUTC(),
                java.time.Duration.ofMillis(Math.max(100, alertRecheckMillis)))) {
            daemon.start();
            PrintWriter out = spec.commandLine().getOut();
            try (WebWiring web = WebWiring.start(daemon, cfg, dir, listen, Clock.systemUTC(), out)) {
                out.println("web UI: " + web.url());
                out.flush();
                LOG.info("data in {}; web UI on {}; send SIGTERM to stop", dir.root().toAbsolutePath(), web.url());
                stop.await();
            }
        }
        return ExitCodes.OK;
    }
}
