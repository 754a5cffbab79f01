package io.mibwatch.simulator.model;

import io.mibwatch.simulator.scenario.Fault;
import io.mibwatch.simulator.scenario.Scenario;
import io.mibwatch.simulator.scenario.ScenarioState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/**
 * One simulated device: the recorded walk (the values at {@code start}) plus how each value moves,
 * so that {@link #valueAt} is a pure function of (device name, OID, instant, scenario). Nothing is
 * accumulated between calls: any instant can be asked in any order, from any thread, and the same
 * question always gets the same answer. That is what lets a backfill generate weeks of history
 * in seconds ({@link #history}) and keeps an agent's answers consistent across polls.
 *
 * <p>Rules:
 * <ul>
 * <li>Uptimes (sysUpTime.0, hrSystemUptime.0, snmpEngineTime.0) are the recorded value plus the
 *     time since {@code start}; after a reboot at R they are {@code t - R}. Before the moment the
 *     recorded uptime implies the device booted, they wrap (modulo) rather than go negative.</li>
 * <li>Counters are the recorded value plus the integral of their rate ({@link Load}) since
 *     {@code start}, or 0 plus the integral since the last reboot; wrapping modulo 2^32 or 2^64
 *     (RFC 2578 section 7.1.6). Interface counters run at a seeded share of the interface speed
 *     (ifHighSpeed x 10^6, else ifSpeed) along the {@link TrafficShape}; they stand still while the
 *     interface is not up (recorded ifOperStatus/ifAdminStatus) or an interface_down fault holds.
 *     Going back before {@code start} subtracts; once that passes below zero the value wraps modulo
 *     its width like any counter, so a walk meant for backfilling should record counters that
 *     match its uptime (the built-in fleet does).</li>
 * <li>A counter_wrap at T shifts that counter, at all times, so that it passes the wrap point
 *     exactly {@link #WRAP_LEAD} after T; the counter stays continuous.</li>
 * <li>Gauges in {@link OidClassifier}'s list follow the shape with seeded smooth noise; the CPU
 *     ones read the cpu_spike value while a spike holds. Everything else answers as recorded.</li>
 * </ul>
 * The set of OIDs never changes with time, so an agent answers GETNEXT from {@link #recorded()}'s
 * keys and only asks {@link #valueAt} for the OIDs it returns.
 */
public final class DeviceModel {

    /** A forced wrap happens this long after the fault's {@code at}. */
    public static final Duration WRAP_LEAD = Duration.ofSeconds(30);

    /** Speed assumed for an interface whose ifSpeed/ifHighSpeed is absent or 0 (loopbacks, tunnels). */
    static final long DEFAULT_SPEED = 10_000_000L;

    private static final long NOISE_STEP_SECONDS = 300;

    private record Window(Instant from, Instant to) {
        boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    private record CpuWindow(Window window, int percent) {
    }

    /**
     * An interface's speed in bit/s, whether it carries traffic at all, and a scale of its share of
     * that speed: software loopbacks (IANAifType 24) announce a nominal speed (Cisco: 8 Gb/s) but
     * carry only a little management traffic, so they run at a thousandth of it.
     */
    private record IfInfo(long speed, boolean up, double scale) {
    }

    static final OID IF_TYPE = new OID("1.3.6.1.2.1.2.2.1.3");
    static final int SOFTWARE_LOOPBACK = 24;

    private final String name;
    private final NavigableMap<OID, Variable> recorded;
    private final Instant start;
    private final TrafficShape shape;
    private final Scenario scenario;
    private final List<Instant> reboots;
    private final Map<Integer, List<Window>> down;
    private final List<CpuWindow> cpuSpikes;
    private final Map<OID, Instant> wraps;
    private final List<Fault.Degradation> degradations;
    private final Map<Integer, IfInfo> interfaces;
    private final int cores;

    private DeviceModel(String name, NavigableMap<OID, Variable> recorded, Instant start, TrafficShape shape,
                        Scenario scenario) {
        this.name = name;
        this.recorded = Collections.unmodifiableNavigableMap(recorded);
        this.start = start;
        this.shape = shape;
        this.scenario = scenario;
        List<Instant> rb = new ArrayList<>();
        Map<Integer, List<Window>> dn = new HashMap<>();
        List<CpuWindow> cpu = new ArrayList<>();
        Map<OID, Instant> wr = new HashMap<>();
        List<Fault.Degradation> dg = new ArrayList<>();
        for (Fault f : scenario.faults()) {
            Instant at = start.plus(f.at());
            if (f instanceof Fault.Reboot) {
                rb.add(at);
            } else if (f instanceof Fault.InterfaceDown d) {
                dn.computeIfAbsent(d.ifIndex(), k -> new ArrayList<>()).add(new Window(at, at.plus(d.duration())));
            } else if (f instanceof Fault.CpuSpike c) {
                cpu.add(new CpuWindow(new Window(at, at.plus(c.duration())), c.percent()));
            } else if (f instanceof Fault.CounterWrap w) {
                wr.put(w.oid(), at); // a later entry for the same OID wins, as in the file
            } else if (f instanceof Fault.Degradation d) {
                dg.add(d);
            }
        }
        rb.sort(Comparator.naturalOrder());
        this.reboots = List.copyOf(rb);
        Map<Integer, List<Window>> merged = new HashMap<>();
        dn.forEach((k, v) -> merged.put(k, merge(v)));
        this.down = Map.copyOf(merged);
        this.cpuSpikes = List.copyOf(cpu);
        this.wraps = Map.copyOf(wr);
        this.degradations = List.copyOf(dg);
        this.interfaces = interfaces(recorded);
        this.cores = 1 + (int) (Seeds.unit(Seeds.of(name, "cores", 0), 0) * 8);
    }

    /**
     * @param name     device name: seeds every random choice, and picks the scenario's faults
     * @param recorded the device's walk: its values at {@code start} (copied)
     * @param start    the simulation start, the instant the recorded values hold and scenario times count from
     * @param scenario faults (those for other devices are ignored)
     */
    public static DeviceModel of(String name, NavigableMap<OID, Variable> recorded, Instant start, TrafficShape shape,
                                 Scenario scenario) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(scenario, "scenario");
        return new DeviceModel(name, new TreeMap<>(recorded), start, shape, scenario.forDevice(name));
    }

    /** Without faults. */
    public static DeviceModel of(String name, NavigableMap<OID, Variable> recorded, Instant start, TrafficShape shape) {
        return of(name, recorded, start, shape, Scenario.EMPTY);
    }

    public String name() {
        return name;
    }

    public Instant start() {
        return start;
    }

    public TrafficShape shape() {
        return shape;
    }

    /** The recorded walk, sorted by OID: the OIDs this device answers, at every instant. */
    public NavigableMap<OID, Variable> recorded() {
        return recorded;
    }

    /** What the scenario does to this device at {@code t} (protocol fault for the agent, overrides). */
    public ScenarioState stateAt(Instant t) {
        return scenario.at(name, Duration.between(start, t));
    }

    /** How {@code oid} moves; {@link Behaviour.Static} for an OID the device does not have. */
    public Behaviour behaviour(OID oid) {
        Variable rec = recorded.get(oid);
        return rec == null ? Behaviour.STATIC : OidClassifier.classify(oid, rec);
    }

    /** The value of {@code oid} at {@code t}, or null when the device has no such OID. */
    public Variable valueAt(OID oid, Instant t) {
        Variable rec = recorded.get(oid);
        if (rec == null) {
            return null;
        }
        Behaviour b = OidClassifier.classify(oid, rec);
        if (b instanceof Behaviour.Static) {
            return rec;
        }
        if (b instanceof Behaviour.Counter c) {
            return counter(oid, c, rec, t);
        }
        if (b instanceof Behaviour.Uptime u) {
            return uptime(u, rec, t);
        }
        if (b instanceof Behaviour.OperStatus s) {
            return isDown(s.ifIndex(), t) ? new Integer32(2) : rec;
        }
        return gauge(oid, (Behaviour.Gauge) b, rec, t);
    }

    /** Every OID's value at {@code t}, sorted: a frozen walk of the device at that instant. */
    public NavigableMap<OID, Variable> snapshot(Instant t) {
        TreeMap<OID, Variable> out = new TreeMap<>();
        for (OID oid : recorded.keySet()) {
            out.put(oid, valueAt(oid, t));
        }
        return out;
    }

    /**
     * Values of {@code oid} at {@code from, from + step, ...} up to and including {@code to}; empty
     * when the device has no such OID. Protocol faults (timeouts) do not remove points: ask
     * {@link #stateAt} to leave gaps where the agent would not have answered.
     */
    public List<TimedValue> history(OID oid, Instant from, Instant to, Duration step) {
        Objects.requireNonNull(oid, "oid");
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("history step must be positive: " + step);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("history from " + from + " is after to " + to);
        }
        if (!recorded.containsKey(oid)) {
            return List.of();
        }
        List<TimedValue> out = new ArrayList<>();
        for (Instant t = from; !t.isAfter(to); t = t.plus(step)) {
            out.add(new TimedValue(t, valueAt(oid, t)));
        }
        return out;
    }

    /** The rate of a counter at {@code t} in units per second (0 while its interface is down); 0 for non-counters. */
    public double rateAt(OID oid, Instant t) {
        if (!(behaviour(oid) instanceof Behaviour.Counter c)) {
            return 0;
        }
        return c.ifIndex() > 0 && isDown(c.ifIndex(), t) ? 0 : load(oid, c).rate(shape, t);
    }

    /** The load profile of a counter ({@link Load#NONE} for a non-counter or a counter that never moves). */
    public Load load(OID oid) {
        return behaviour(oid) instanceof Behaviour.Counter c ? load(oid, c) : Load.NONE;
    }

    // ---- counters

    private Variable counter(OID oid, Behaviour.Counter c, Variable rec, Instant t) {
        long v = uncorrected(oid, c, rec, t);
        Instant wrapAt = wraps.get(oid);
        if (wrapAt != null) {
            // shift so the value is exactly 0 (mod 2^32 or 2^64) at wrapAt + WRAP_LEAD
            v -= uncorrected(oid, c, rec, wrapAt.plus(WRAP_LEAD));
        }
        return c.wide() ? new Counter64(v) : new Counter32(v & 0xFFFF_FFFFL);
    }

    /** Recorded value (or 0 after a reboot) plus what was counted since; long arithmetic wraps mod 2^64. */
    private long uncorrected(OID oid, Behaviour.Counter c, Variable rec, Instant t) {
        Instant reboot = lastRebootAtOrBefore(t);
        long base = reboot == null ? rec.toLong() : 0;
        Instant from = reboot == null ? start : reboot;
        return base + (long) Math.floor(counted(oid, c, from, t));
    }

    /** Units counted from a to b, leaving out the interface's down windows. */
    private double counted(OID oid, Behaviour.Counter c, Instant a, Instant b) {
        if (b.isBefore(a)) {
            return -counted(oid, c, b, a);
        }
        Load load = load(oid, c);
        double total = load.integral(shape, a, b);
        if (c.ifIndex() > 0) {
            for (Window w : down.getOrDefault(c.ifIndex(), List.of())) {
                Instant lo = w.from.isAfter(a) ? w.from : a;
                Instant hi = w.to.isBefore(b) ? w.to : b;
                if (lo.isBefore(hi)) {
                    total -= load.integral(shape, lo, hi);
                }
            }
        }
        return total;
    }

    private Load load(OID oid, Behaviour.Counter c) {
        if (c.ifIndex() <= 0) {
            if (shape.peak() == 0) {
                return Load.NONE;
            }
            long seed = Seeds.of(name, oid.toDottedString(), 0);
            return new Load(Seeds.between(seed, 1, 1, 200), 1 / shape.peak(),
                    shape.low() * Seeds.between(seed, 2, 0.3, 0.9), Seeds.between(seed, 3, 900, 10_800),
                    Seeds.between(seed, 4, 0, 2 * Math.PI));
        }
        IfInfo info = interfaces.getOrDefault(c.ifIndex(), new IfInfo(DEFAULT_SPEED, true, 1));
        if (!info.up) {
            return Load.NONE;
        }
        // in and out of one interface differ; the 32-bit and HC columns of one direction share a seed
        long seed = Seeds.of(name, c.inbound() ? "if-in" : "if-out", c.ifIndex());
        double octetsPerSecond = info.speed / 8.0;
        double peak = c.role() == CounterRole.OCTETS ? octetsPerSecond
                : octetsPerSecond / Seeds.between(seed, 5, 300, 1200) * c.role().shareOfPackets();
        return new Load(peak, info.scale * Seeds.between(seed, 1, 0.05, 0.45),
                shape.low() * Seeds.between(seed, 2, 0.3, 0.9), Seeds.between(seed, 3, 900, 10_800),
                Seeds.between(seed, 4, 0, 2 * Math.PI));
    }

    // ---- uptime, status

    private Variable uptime(Behaviour.Uptime u, Variable rec, Instant t) {
        Instant reboot = lastRebootAtOrBefore(t);
        long millis = Duration.between(reboot == null ? start : reboot, t).toMillis();
        long v = (reboot == null ? rec.toLong() : 0) + Math.floorDiv(millis * u.unitsPerSecond(), 1000);
        v = Math.floorMod(v, u.modulus());
        return rec instanceof TimeTicks ? new TimeTicks(v) : new Integer32((int) v);
    }

    private Instant lastRebootAtOrBefore(Instant t) {
        for (int i = reboots.size() - 1; i >= 0; i--) {
            if (!reboots.get(i).isAfter(t)) {
                return reboots.get(i);
            }
        }
        return null;
    }

    private boolean isDown(int ifIndex, Instant t) {
        for (Window w : down.getOrDefault(ifIndex, List.of())) {
            if (w.contains(t)) {
                return true;
            }
        }
        return false;
    }

    // ---- gauges

    private Variable gauge(OID oid, Behaviour.Gauge g, Variable rec, Instant t) {
        long seed = Seeds.of(name, oid.toDottedString(), 0);
        double level = shape.peak() == 0 ? 0 : shape.utilisation(t) / shape.peak();
        double noise = noise(seed, t);
        long r = rec instanceof OctetString ? 0 : rec.toLong();
        Integer spike = spikeAt(t);
        switch (g.role()) {
            case CPU_PERCENT -> {
                return numeric(rec, spike != null ? spike : Math.round(clamp(cpu(seed, t), 0, 100)));
            }
            case LOAD_AVERAGE_TEXT -> {
                return new OctetString(String.format(Locale.ROOT, "%.2f", loadAverage(g.row(), t, spike)));
            }
            case LOAD_AVERAGE_HUNDREDTHS -> {
                return numeric(rec, Math.round(loadAverage(g.row(), t, spike) * 100));
            }
            case STORAGE_USED -> {
                return numeric(rec, storageUsed(oid, g.row(), r, seed, level, noise, t));
            }
            case TEMPERATURE -> {
                return numeric(rec, Math.round(r * (1 + 0.08 * (level - 0.5) + 0.01 * noise)));
            }
            case LATENCY, JITTER, RTT_COUNT, RTT_SUM, PACKET_LOSS, MOS_HUNDREDTHS, ICPIF -> {
                return numeric(rec, ipSlaColumn(oid, g, r, t));
            }
            case PERCENT_LOAD -> {
                double base = r > 0 ? r : 30;
                // UPS-MIB upsOutputPercentLoad is 0..200
                return numeric(rec, Math.round(clamp(base * (0.75 + 0.5 * level) + 2 * noise, 0, 200)));
            }
            default -> throw new IllegalStateException(g.role().toString());
        }
    }

    // ---- IP SLA (CISCO-RTTMON-MIB)

    /**
     * The operation {@code row} at {@code t}: its recorded RTT (completion time) and jitter follow
     * the traffic shape with seeded noise, plus whatever degradation episode holds; the probes sent
     * are the recorded NumOfRTT plus recorded losses.
     */
    public IpSlaProbe ipSla(int row, Instant t) {
        long seed = Seeds.of(name, "ipsla", row);
        double level = shape.peak() == 0 ? 0 : shape.utilisation(t) / shape.peak();
        double baseRtt = recordedLong(OidClassifier.IP_SLA_COMPLETION_TIME, row);
        if (baseRtt <= 0) {
            baseRtt = Seeds.between(seed, 1, 5, 40);
        }
        double baseJitter = recordedLong(OidClassifier.IP_SLA_JITTER_ENTRY + ".46", row);
        if (baseJitter <= 0) {
            baseJitter = Seeds.between(seed, 2, 1, 5);
        }
        long recordedSent = recordedLong(OidClassifier.IP_SLA_JITTER_ENTRY + ".1", row)
                + recordedLong(OidClassifier.IP_SLA_JITTER_ENTRY + ".26", row)
                + recordedLong(OidClassifier.IP_SLA_JITTER_ENTRY + ".27", row);
        int sent = (int) Math.max(1, Math.min(recordedSent <= 0 ? 100 : recordedSent, 1_000_000));
        double extraMs = 0;
        int lossPercent = 0;
        Duration since = Duration.between(start, t);
        for (Fault.Degradation d : degradations) {
            if (d.operation() == row && d.activeAt(since)) {
                extraMs += d.delay().toNanos() / 1e6;
                lossPercent = Math.max(lossPercent, d.lossPercent());
            }
        }
        double rtt = Math.max(1, baseRtt * (1 + 0.5 * level + 0.15 * noise(seed, t)) + extraMs);
        // a congested path queues: jitter grows with the added delay (a tenth of it)
        double jitter = Math.max(0, baseJitter * (0.6 + 0.8 * level + 0.3 * noise(seed + 1, t)) + extraMs / 10);
        int lost = (int) Math.round(sent * lossPercent / 100.0);
        int codec = (int) Math.max(0, recordedLong(OidClassifier.IP_SLA_CODEC, row));
        return new IpSlaProbe(rtt, jitter, sent, lost, codec);
    }

    private long ipSlaColumn(OID oid, Behaviour.Gauge g, long recordedValue, Instant t) {
        IpSlaProbe p = ipSla(g.row(), t);
        int column = oid.get(oid.size() - 2);
        return switch (g.role()) {
            case LATENCY -> {
                // completion time is the RTT; RTTMin/Max keep their recorded distance from it
                double base = recordedLong(OidClassifier.IP_SLA_COMPLETION_TIME, g.row());
                boolean completion = oid.startsWith(new OID(OidClassifier.IP_SLA_COMPLETION_TIME));
                double ratio = completion || base <= 0 || recordedValue <= 0 ? 1 : recordedValue / base;
                yield Math.round(p.rttMs() * ratio);
            }
            case JITTER -> Math.round(p.jitterMs());
            case RTT_COUNT -> p.answered();
            case RTT_SUM -> Math.round(p.answered() * p.rttMs());
            // PacketLossSD (26) takes the odd probe
            case PACKET_LOSS -> column == 26 ? (p.lost() + 1) / 2 : p.lost() / 2;
            case MOS_HUNDREDTHS -> Math.round(p.agentScore().mos() * 100);
            case ICPIF -> Math.round(p.agentScore().icpif());
            default -> throw new IllegalStateException(g.role().toString());
        };
    }

    private long recordedLong(String column, int row) {
        Variable v = recorded.get(new OID(column).append(row));
        return v == null || v instanceof OctetString ? 0 : v.toLong();
    }

    /** A CPU percentage (unclamped) for the instance seeded by {@code seed}. */
    private double cpu(long seed, Instant t) {
        double level = shape.peak() == 0 ? 0 : shape.utilisation(t) / shape.peak();
        double lo = Seeds.between(seed, 1, 2, 12);
        double hi = lo + Seeds.between(seed, 2, 15, 55);
        return lo + (hi - lo) * level + 4 * noise(seed, t);
    }

    /** UCD laTable rows 1, 2, 3 are the 1, 5 and 15 minute averages: later rows lag. */
    private double loadAverage(int row, Instant t, Integer spike) {
        if (spike != null) {
            return cores * spike / 100.0;
        }
        long lag = row == 2 ? 150 : row == 3 ? 450 : 0;
        double percent = clamp(cpu(Seeds.of(name, "load", 0), t.minusSeconds(lag)), 0, 100);
        return cores * percent / 100;
    }

    private long storageUsed(OID oid, int row, long recordedUsed, long seed, double level, double noise, Instant t) {
        OID sizeOid = new OID(OidClassifier.HR_STORAGE_SIZE).append(row);
        Variable sizeVar = recorded.get(sizeOid);
        long size = sizeVar instanceof Integer32 ? sizeVar.toLong() : Math.max(1, recordedUsed * 2);
        boolean ram = OidClassifier.HR_STORAGE_RAM.equals(recorded.get(new OID(OidClassifier.HR_STORAGE_TYPE).append(row)));
        double days = Duration.between(start, t).toMillis() / 86_400_000.0;
        double growth = ram ? 0 : Seeds.between(seed, 1, 0.0005, 0.003) * size * days;
        double churn = (ram ? 0.08 : 0.01) * size * (level - 0.5) + 0.002 * size * noise;
        return Math.round(clamp(recordedUsed + growth + churn, 0, size));
    }

    private Integer spikeAt(Instant t) {
        Integer best = null;
        for (CpuWindow c : cpuSpikes) {
            if (c.window.contains(t) && (best == null || c.percent > best)) {
                best = c.percent;
            }
        }
        return best;
    }

    /** Smooth noise in [-1, 1]: seeded values every 5 minutes, linear in between. */
    static double noise(long seed, Instant t) {
        long k = Math.floorDiv(t.getEpochSecond(), NOISE_STEP_SECONDS);
        double frac = (t.getEpochSecond() - k * NOISE_STEP_SECONDS + t.getNano() / 1e9) / NOISE_STEP_SECONDS;
        double a = 2 * Seeds.unit(seed, k) - 1;
        double b = 2 * Seeds.unit(seed, k + 1) - 1;
        return a + (b - a) * frac;
    }

    /** A value of the recorded value's SMI type. */
    private static Variable numeric(Variable rec, long v) {
        if (rec instanceof Gauge32) {
            return new Gauge32(Math.max(0, Math.min(v, 0xFFFF_FFFFL)));
        }
        if (rec instanceof UnsignedInteger32) {
            return new UnsignedInteger32(Math.max(0, Math.min(v, 0xFFFF_FFFFL)));
        }
        return new Integer32((int) Math.max(Integer.MIN_VALUE, Math.min(v, Integer.MAX_VALUE)));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static List<Window> merge(List<Window> windows) {
        List<Window> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(Window::from));
        List<Window> out = new ArrayList<>();
        for (Window w : sorted) {
            if (!out.isEmpty() && !w.from.isAfter(out.get(out.size() - 1).to)) {
                Window last = out.remove(out.size() - 1);
                out.add(new Window(last.from, w.to.isAfter(last.to) ? w.to : last.to));
            } else {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    /** ifIndex -> speed and whether it is up, from the recorded ifTable/ifXTable (RFC 2863). */
    private static Map<Integer, IfInfo> interfaces(NavigableMap<OID, Variable> recorded) {
        Map<Integer, Long> speed = new HashMap<>();
        Map<Integer, Long> highSpeed = new HashMap<>();
        Map<Integer, Long> oper = new HashMap<>();
        Map<Integer, Long> admin = new HashMap<>();
        Map<Integer, Long> type = new HashMap<>();
        collect(recorded, IF_TYPE, type);
        collect(recorded, OidClassifier.IF_SPEED, speed);
        collect(recorded, OidClassifier.IF_HIGH_SPEED, highSpeed);
        collect(recorded, OidClassifier.IF_OPER_STATUS, oper);
        collect(recorded, OidClassifier.IF_ADMIN_STATUS, admin);
        java.util.Set<Integer> all = new java.util.HashSet<>(speed.keySet());
        all.addAll(highSpeed.keySet());
        all.addAll(oper.keySet());
        all.addAll(admin.keySet());
        Map<Integer, IfInfo> out = new HashMap<>();
        for (int i : all) {
            long hs = highSpeed.getOrDefault(i, 0L);
            long s = hs > 0 ? hs * 1_000_000L : speed.getOrDefault(i, 0L);
            // up(1) only: down, testing, dormant, notPresent, lowerLayerDown pass no user traffic (RFC 2863 3.1.13)
            boolean up = oper.getOrDefault(i, 1L) == 1 && admin.getOrDefault(i, 1L) == 1;
            double scale = type.getOrDefault(i, 0L) == SOFTWARE_LOOPBACK ? 0.001 : 1;
            out.put(i, new IfInfo(s > 0 ? s : DEFAULT_SPEED, up, scale));
        }
        return Map.copyOf(out);
    }

    private static void collect(NavigableMap<OID, Variable> recorded, OID column, Map<Integer, Long> into) {
        for (Map.Entry<OID, Variable> e : recorded.subMap(column, false, nextSibling(column), false).entrySet()) {
            OID oid = e.getKey();
            if (oid.size() == column.size() + 1 && oid.last() > 0
                    && (e.getValue() instanceof Integer32 || e.getValue() instanceof UnsignedInteger32)) {
                into.put(oid.last(), e.getValue().toLong());
            }
        }
    }

    private static OID nextSibling(OID oid) {
        return oid.nextPeer();
    }
}
