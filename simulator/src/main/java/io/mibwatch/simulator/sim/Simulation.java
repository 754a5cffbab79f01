package io.mibwatch.simulator.sim;

import io.mibwatch.simulator.agent.DeviceView;
import io.mibwatch.simulator.agent.FaultPolicy;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.agent.SnmpSimulator;
import io.mibwatch.simulator.agent.V3User;
import io.mibwatch.simulator.fleet.Fleet;
import io.mibwatch.simulator.fleet.GeneratedDevice;
import io.mibwatch.simulator.model.DeviceModel;
import io.mibwatch.simulator.model.TrafficShape;
import io.mibwatch.simulator.scenario.Scenario;
import io.mibwatch.simulator.snmprec.LoadReport;
import io.mibwatch.simulator.snmprec.Recording;
import io.mibwatch.simulator.snmprec.RecordingLibrary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * A running simulated fleet: the SNMP agent ({@link SnmpSimulator}) whose devices answer from
 * {@link DeviceModel}s (counters move, uptimes advance, scenario faults apply), built from
 * {@code .snmprec} files or from the built-in {@link Fleet}.
 *
 * <pre>
 * try (Simulation sim = Simulation.builder().builtIn().scenario(s).clock(simClock).start()) {
 *     sim.endpoints() ...; sim.model("core1").valueAt(oid, t) ...
 * }
 * </pre>
 *
 * <p>Time: every model starts at the {@link SimClock}'s {@code simStart}: the recorded walk holds
 * at that instant and scenario times count from it. With speed 0 the agent serves the recorded
 * values unchanged ({@link DeviceView#recorded}) - a frozen walk must be byte-for-byte the file,
 * while a model's gauges have their own seeded level even at the start; the models are still
 * there for history.
 */
public final class Simulation implements AutoCloseable {

    /** One device to simulate: its name and walk. */
    public record Source(String name, Recording recording, NavigableMap<OID, Variable> values) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(recording, "recording");
            Objects.requireNonNull(values, "values");
        }
    }

    private final SnmpSimulator agent;
    private final Map<String, DeviceModel> models;
    private final SimClock clock;
    private final int distinctRecordings;

    private Simulation(SnmpSimulator agent, Map<String, DeviceModel> models, SimClock clock, int distinct) {
        this.agent = agent;
        this.models = Collections.unmodifiableMap(models);
        this.clock = clock;
        this.distinctRecordings = distinct;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The walks of the built-in fleet, as sources (recordings encoded in memory). */
    public static List<Source> builtInSources() {
        List<Source> out = new ArrayList<>();
        for (GeneratedDevice d : Fleet.builtIn()) {
            List<VariableBinding> vbs = new ArrayList<>(d.values().size());
            d.values().forEach((oid, v) -> vbs.add(new VariableBinding(oid, v)));
            LoadReport report = new LoadReport("built-in " + d.name(), vbs.size(), vbs.size(), 0, 0, 0);
            out.add(new Source(d.name(), Recording.of(d.name(), vbs, report), d.values()));
        }
        return out;
    }

    /** The walks of {@code .snmprec} files / directories (see {@link RecordingLibrary#loadAll}). */
    public static List<Source> recordingSources(RecordingLibrary library, List<Path> paths) {
        List<Source> out = new ArrayList<>();
        for (RecordingLibrary.Named n : library.loadAll(paths)) {
            out.add(new Source(n.device(), n.recording(), values(n.recording())));
        }
        return out;
    }

    /** A recording's values as a sorted map. */
    public static NavigableMap<OID, Variable> values(Recording r) {
        TreeMap<OID, Variable> m = new TreeMap<>();
        for (int i = 0; i < r.size(); i++) {
            m.put(r.oid(i), r.value(i));
        }
        return m;
    }

    /** Configuration; {@link #start()} builds the models and binds the ports. */
    public static final class Builder {
        private final List<Source> sources = new ArrayList<>();
        private Scenario scenario = Scenario.EMPTY;
        private TrafficShape shape = TrafficShape.DEFAULT;
        private SimClock clock;
        private InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private String community = "public";
        private int ioThreads = 1;
        private V3User v3User;
        private int distinct = -1;

        /** Adds the 20 devices of {@link Fleet#builtIn()}. */
        public Builder builtIn() {
            sources.addAll(builtInSources());
            return this;
        }

        public Builder sources(List<Source> list) {
            sources.addAll(list);
            return this;
        }

        /** Adds every {@code .snmprec} under the paths (loaded through {@code library}, which shares identical files). */
        public Builder recordings(RecordingLibrary library, List<Path> paths) {
            sources.addAll(recordingSources(library, paths));
            distinct = library.distinct();
            return this;
        }

        public Builder scenario(Scenario s) {
            this.scenario = Objects.requireNonNull(s, "scenario");
            return this;
        }

        public Builder shape(TrafficShape s) {
            this.shape = Objects.requireNonNull(s, "shape");
            return this;
        }

        public Builder clock(SimClock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** First device's address (loopback only); port 0 = a free port per device. Default 127.0.0.1:0. */
        public Builder listen(InetSocketAddress first) {
            this.listen = Objects.requireNonNull(first, "listen");
            return this;
        }

        public Builder community(String c) {
            this.community = Objects.requireNonNull(c, "community");
            return this;
        }

        public Builder ioThreads(int n) {
            this.ioThreads = n;
            return this;
        }

        public Builder v3User(V3User u) {
            this.v3User = u;
            return this;
        }

        public Simulation start() throws IOException {
            if (clock == null) throw new IllegalStateException("no SimClock given");
            if (sources.isEmpty()) throw new IllegalArgumentException("no devices to simulate");
            Map<String, DeviceModel> models = new LinkedHashMap<>();
            SnmpSimulator.Builder b = SnmpSimulator.builder().listen(listen).community(community).ioThreads(ioThreads)
                    .clock(clock).v3User(v3User);
            boolean frozen = clock.speed() == 0;
            for (Source s : sources) {
                DeviceModel m = DeviceModel.of(s.name(), s.values(), clock.simStart(), shape, scenario);
                if (models.putIfAbsent(s.name(), m) != null) {
                    throw new IllegalArgumentException("two devices named " + s.name());
                }
                b.device(s.name(), frozen ? DeviceView.recorded(s.recording()) : new ModelView(s.recording(), m));
            }
            FaultPolicy faults = scenario.faults().isEmpty() ? FaultPolicy.NONE : new ScenarioFaults(scenario, clock.simStart());
            b.faults(faults);
            return new Simulation(b.start(), models, clock, distinct < 0 ? sources.size() : distinct);
        }
    }

    public SnmpSimulator agent() {
        return agent;
    }

    public SimClock clock() {
        return clock;
    }

    /** Device name to its model, in port order. */
    public Map<String, DeviceModel> models() {
        return models;
    }

    public DeviceModel model(String device) {
        DeviceModel m = models.get(device);
        if (m == null) throw new IllegalArgumentException("no simulated device named " + device);
        return m;
    }

    public List<SnmpSimulator.Endpoint> endpoints() {
        return agent.endpoints();
    }

    /** Distinct walks behind the devices (identical files share one). */
    public int distinctRecordings() {
        return distinctRecordings;
    }

    @Override
    public void close() {
        agent.close();
    }
}
