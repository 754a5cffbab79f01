package io.mibwatch.app.cli;

import io.mibwatch.config.AuthProtocol;
import io.mibwatch.config.PrivProtocol;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.agent.SnmpSimulator;
import io.mibwatch.simulator.agent.V3User;
import io.mibwatch.simulator.scenario.Scenario;
import io.mibwatch.simulator.scenario.ScenarioException;
import io.mibwatch.simulator.scenario.ScenarioLoader;
import io.mibwatch.simulator.sim.Simulation;
import io.mibwatch.simulator.snmprec.RecordingLibrary;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code mibwatch simulate}: serves {@code .snmprec} recordings, or the built-in fleet, as SNMP
 * agents on loopback until SIGTERM/SIGINT. Values come from the simulator's time model (counters
 * move, uptimes advance, {@code --scenario} faults apply); {@code --speed 0} serves the walks
 * exactly as recorded. Device k (in file-name order) listens on first port + k; the first port also
 * serves every device by community = device name, as snmpsim does.
 */
@Command(name = "simulate", description = {
        "Simulate SNMP devices on 127.0.0.1 (v1/v2c; v3 with --v3-user): the built-in fleet of 20 devices",
        "(default) or .snmprec recordings (--data). Counters move along a daily/weekly traffic shape.",
        "Device k (in file-name order) listens on the first port + k with community 'public' or its name;",
        "the first port also serves every device by community = device name (like snmpsim)."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", arity = "1..*", paramLabel = "DIR|FILE",
            description = "directories of *.snmprec files, or single files")
    List<Path> data = new ArrayList<>();

    @Option(names = "--builtin", description = "simulate the built-in fleet of 20 devices (the default without --data)")
    boolean builtin;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "fault scenario YAML (timeouts, reboots, cpu spikes, interface down, ...), times from start")
    Path scenarioFile;

    @Option(names = "--listen", paramLabel = "ADDR:PORT", defaultValue = "127.0.0.1:20000",
            description = "first device's address (loopback only); default ${DEFAULT-VALUE}")
    String listen;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "X",
            description = "simulated seconds per real second: 1 real time, 60 accelerated, 0 frozen; default ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--community", defaultValue = "public", paramLabel = "C",
            description = "community every device port answers to besides the device name; default ${DEFAULT-VALUE}")
    String community;

    @Option(names = "--io-threads", defaultValue = "1", paramLabel = "N", description = "I/O threads; default ${DEFAULT-VALUE}")
    int ioThreads;

    /** With --v3-user the agents also answer SNMPv3 as that user, authPriv with SHA and AES-128. */
    @Mixin
    V3Options v3;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InetSocketAddress first = loopback(listen);
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new CliFailure("--speed must be a number >= 0, got " + speed, ExitCodes.USAGE);
        }
        V3User user = v3User();
        Scenario scenario = Scenario.EMPTY;
        if (scenarioFile != null) {
            try {
                scenario = ScenarioLoader.load(scenarioFile);
            } catch (ScenarioException e) {
                throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
            }
        }
        long t0 = System.nanoTime();
        Simulation.Builder b = Simulation.builder().listen(first).community(community).ioThreads(ioThreads)
                .clock(SimClock.startingNow(Clock.systemUTC(), speed)).v3User(user).scenario(scenario);
        RecordingLibrary library = new RecordingLibrary();
        if (builtin || data.isEmpty()) {
            b.builtIn();
        }
        if (!data.isEmpty()) {
            List<Simulation.Source> devices;
            try {
                devices = Simulation.recordingSources(library, data);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
            }
            if (devices.isEmpty()) {
                throw new CliFailure("no .snmprec files in " + data, ExitCodes.USAGE);
            }
            b.sources(devices);
        }
        CountDownLatch stop = new CountDownLatch(1);
        sun.misc.SignalHandler handler = sig -> stop.countDown();
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
        Simulation sim;
        try {
            sim = b.start();
        } catch (IOException e) {
            throw new CliFailure(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
        try (sim) {
            out.print(sim.agent().endpointTable());
            out.printf("%d device(s), started in %d ms; speed %s%s; scenario: %d fault(s); Ctrl-C to stop%n",
                    sim.models().size(), (System.nanoTime() - t0) / 1_000_000, speed,
                    speed == 0 ? " (values frozen as recorded)" : "", scenario.faults().size());
            out.flush();
            stop.await();
            SnmpSimulator.Stats s = sim.agent().stats();
            out.printf("stopped: %d requests, %d answers, %d varbinds, %d malformed, %d bad community%n",
                    s.received(), s.answered(), s.varbinds(), s.malformed(), s.badCommunity());
            out.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * The agents' v3 user: none unless --v3-user or a pass phrase is on the command line (a pass
     * phrase in the environment alone does not turn v3 on). The simulator's user is authPriv with
     * SHA and AES-128 only, so other protocols or a context are refused, naming the option and value.
     */
    private V3User v3User() {
        ParseResult given = spec.commandLine().getParseResult();
        if (v3.user == null && !given.hasMatchedOption("--auth-pass") && !given.hasMatchedOption("--priv-pass")) {
            return null;
        }
        if (v3.user == null || v3.authPass == null || v3.privPass == null) {
            throw new CliFailure("--v3-user, --v3-auth-pass and --v3-priv-pass go together", ExitCodes.USAGE);
        }
        AuthProtocol auth = v3.authProtocol();
        if (auth != null && auth != AuthProtocol.SHA) {
            throw new CliFailure("--auth-proto '" + v3.authProto + "': the simulator's v3 user authenticates with SHA only",
                    ExitCodes.USAGE);
        }
        PrivProtocol priv = v3.privProtocol();
        if (priv != null && priv != PrivProtocol.AES128) {
            throw new CliFailure("--priv-proto '" + v3.privProto + "': the simulator's v3 user encrypts with AES-128 only",
                    ExitCodes.USAGE);
        }
        if (!v3.context.isEmpty()) {
            throw new CliFailure("--context '" + v3.context + "': the simulator serves the default (empty) context only",
                    ExitCodes.USAGE);
        }
        try {
            return new V3User(v3.user, v3.authPass, v3.privPass);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
    }

    /** Only loopback: the simulator is a test fixture and must not be reachable from the network. */
    static InetSocketAddress loopback(String text) {
        HostPort hp;
        try {
            hp = HostPort.parse(text, 20000);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--listen: " + e.getMessage(), ExitCodes.USAGE);
        }
        InetAddress addr;
        try {
            // literal addresses only: no DNS query for a listen address
            addr = InetAddress.getByName(hp.host());
        } catch (UnknownHostException e) {
            throw new CliFailure("--listen " + text + ": unknown address " + hp.host(), ExitCodes.USAGE);
        }
        if (!addr.isLoopbackAddress()) {
            throw new CliFailure("--listen " + text + ": only loopback addresses (127.0.0.0/8, ::1) are allowed; "
                    + "the simulator must not be reachable from the network", ExitCodes.USAGE);
        }
        return new InetSocketAddress(addr, hp.port());
    }
}
