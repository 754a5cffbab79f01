package io.mibwatch.app.demo;

import io.mibwatch.core.series.Reading;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.poller.decode.Decoder;
import io.mibwatch.poller.derive.Derivation;
import io.mibwatch.poller.discovery.Discovery;
import io.mibwatch.poller.plan.PollPlan;
import io.mibwatch.poller.plan.PollPlanner;
import io.mibwatch.simulator.model.Behaviour;
import io.mibwatch.simulator.model.DeviceModel;
import io.mibwatch.simulator.model.Load;
import io.mibwatch.storage.Backfill;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * A simulated device's past, as the appliance would have stored it, computed from its
 * {@link DeviceModel} in closed form instead of replaying polls: the {@link Backfill.RowSource}
 * for one device.
 *
 * <p>The series are the ones the poller would plan: {@link Discovery} over the device's walk, then
 * {@link PollPlanner}. Per row of width {@code res} ending at {@code e}:
 * <ul>
 *   <li>a counter's rate is its exact average, {@code integral of the model's rate over (e - res, e] / res}
 *       ({@link Load#integral}), which is what a poll at each end of the row would measure; MIN and
 *       MAX are those of the averages over {@link #subStep} sub-intervals;</li>
 *   <li>a gauge is decoded by the poller's {@link Decoder} from the model's values at the middle
 *       of each sub-interval (AVERAGE the mean, MIN/MAX the extremes), so factors and
 *       percentages are the live ones;</li>
 *   <li>interface utilisation comes from the octet rows through the poller's {@link Derivation}.</li>
 * </ul>
 * Scenario faults count from the start, so most are not in the past; the exception is the
 * degradation fault (recurring at seeded times before the start too), which reaches the rows
 * through the model's gauge values like any other value.
 */
public final class ModelHistory implements Backfill.RowSource {

    private final DeviceModel model;
    private final PollPlan plan;
    private final Map<SeriesId, PollPlan.Column> columns = new HashMap<>();
    private final Map<SeriesId, PollPlan.Derived> derived = new HashMap<>();

    /** Octet-rate rows kept for the utilisation row of the same interface and archive (asked right after). */
    private final Map<String, Backfill.Rows> octetRows = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<SeriesId> octetInputs = new java.util.HashSet<>();

    public ModelHistory(DeviceModel model, Collection<String> groups) {
        this.model = model;
        List<VariableBinding> walk = new ArrayList<>();
        model.recorded().forEach((oid, v) -> {
            for (OID root : Discovery.WALK_ROOTS) {
                if (oid.startsWith(root)) {
                    walk.add(new VariableBinding(oid, v));
                    break;
                }
            }
        });
        this.plan = PollPlanner.plan(model.name(), Discovery.discover(walk), groups);
        for (PollPlan.Column c : plan.columns()) {
            columns.put(c.series(model.name()), c);
        }
        for (PollPlan.Derived d : plan.derived()) {
            derived.put(new SeriesId(model.name(), d.group(), d.instance(), d.metric()), d);
            if (d.formula() instanceof io.mibwatch.catalog.metric.Conversion.Utilisation u) {
                octetInputs.add(new SeriesId(model.name(), d.group(), d.instance(), u.octets()));
            }
        }
    }

    private static String key(SeriesId s, Duration res, Instant firstEnd, int count) {
        return s.path() + "|" + res.getSeconds() + "|" + firstEnd.getEpochSecond() + "|" + count;
    }

    public PollPlan plan() {
        return plan;
    }

    /** Every series the poller would store for this device. */
    public List<SeriesId> series() {
        Set<SeriesId> out = new LinkedHashSet<>(columns.keySet());
        out.addAll(derived.keySet());
        return List.copyOf(out);
    }

    /**
     * Width of the pieces MIN and MAX are taken over: the next finer stock archive's resolution
     * (rows of the finest archive are single polls, so MIN = MAX = AVERAGE there).
     */
    static long subStep(long res, boolean counter) {
        if (res <= 60) return res;
        if (res <= 300) return counter ? 60 : 300; // gauge noise has 5-minute knots: one sample suffices
        if (res <= 3600) return 300;
        return 3600;
    }

    @Override
    public Backfill.Rows rows(SeriesId series, Duration resolution, Instant firstEnd, int count) {
        PollPlan.Column c = columns.get(series);
        if (c != null && c.kind().isCounter()) {
            Backfill.Rows r = counterRows(model.load(c.oid()), resolution.getSeconds(), firstEnd.getEpochSecond(), count);
            if (octetInputs.contains(series)) {
                octetRows.put(key(series, resolution, firstEnd, count), r);
            }
            return r;
        }
        if (c != null) {
            return gaugeRows(series, List.of(c), List.of(), resolution.getSeconds(), firstEnd.getEpochSecond(), count);
        }
        PollPlan.Derived d = derived.get(series);
        if (d == null) {
            throw new IllegalArgumentException("device " + model.name() + " has no planned series " + series.path());
        }
        if (d.fromRates()) {
            return utilisationRows(d, resolution, firstEnd, count);
        }
        List<PollPlan.Column> inputs = new ArrayList<>();
        for (String name : d.formula().inputs()) {
            PollPlan.Column in = columns.get(new SeriesId(model.name(), d.group(), d.instance(), name));
            if (in != null) inputs.add(in);
        }
        return gaugeRows(series, inputs, List.of(d), resolution.getSeconds(), firstEnd.getEpochSecond(), count);
    }

    private Backfill.Rows counterRows(Load load, long res, long firstEnd, int count) {
        long sub = subStep(res, true);
        double[] avg = new double[count];
        double[] min = new double[count];
        double[] max = new double[count];
        for (int k = 0; k < count; k++) {
            long end = firstEnd + k * res;
            long start = end - res;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double total = 0;
            for (long s = start; s < end; s += sub) {
                double counted = load.integral(model.shape(), Instant.ofEpochSecond(s), Instant.ofEpochSecond(s + sub));
                total += counted;
                lo = Math.min(lo, counted / sub);
                hi = Math.max(hi, counted / sub);
            }
            avg[k] = total / res;
            min[k] = lo;
            max[k] = hi;
        }
        return new Backfill.Rows(avg, min, max);
    }

    private Backfill.Rows gaugeRows(SeriesId series, List<PollPlan.Column> inputs, List<PollPlan.Derived> formulas,
                                    long res, long firstEnd, int count) {
        PollPlan mini = new PollPlan(model.name(), List.of(), inputs, formulas, List.of(), Map.of());
        long sub = subStep(res, false);
        boolean constant = true;
        for (PollPlan.Column in : inputs) {
            // static values, and ifOperStatus before the start (interface_down faults only come later)
            Behaviour b = model.behaviour(in.oid());
            constant &= b instanceof Behaviour.Static || b instanceof Behaviour.OperStatus;
        }
        if (constant) {
            sub = res * (long) count; // one sample answers for every row
        }
        double[] avg = new double[count];
        double[] min = new double[count];
        double[] max = new double[count];
        List<VariableBinding> vbs = new ArrayList<>(inputs.size());
        for (int k = 0; k < count; k++) {
            long end = firstEnd + k * res;
            double sum = 0;
            int n = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (long s = end - res; s < end; s += sub) {
                Instant mid = Instant.ofEpochSecond(s).plusMillis(sub * 500);
                vbs.clear();
                for (PollPlan.Column in : inputs) {
                    Variable v = model.valueAt(in.oid(), mid);
                    if (v != null) vbs.add(new VariableBinding(in.oid(), v));
                }
                for (Reading r : Decoder.decode(mini, vbs, mid).readings()) {
                    if (r.series().equals(series) && !Double.isNaN(r.value())) {
                        sum += r.value();
                        n++;
                        lo = Math.min(lo, r.value());
                        hi = Math.max(hi, r.value());
                    }
                }
            }
            avg[k] = n == 0 ? Double.NaN : sum / n;
            min[k] = n == 0 ? Double.NaN : lo;
            max[k] = n == 0 ? Double.NaN : hi;
            if (constant) {
                Arrays.fill(avg, avg[0]);
                Arrays.fill(min, min[0]);
                Arrays.fill(max, max[0]);
                break;
            }
        }
        return new Backfill.Rows(avg, min, max);
    }

    private Backfill.Rows utilisationRows(PollPlan.Derived d, Duration resolution, Instant firstEnd, int count) {
        io.mibwatch.catalog.metric.Conversion.Utilisation u = (io.mibwatch.catalog.metric.Conversion.Utilisation) d.formula();
        SeriesId octets = new SeriesId(model.name(), d.group(), d.instance(), u.octets());
        Backfill.Rows cached = octetRows.remove(key(octets, resolution, firstEnd, count));
        Backfill.Rows rates = cached != null ? cached : rows(octets, resolution, firstEnd, count);
        PollPlan mini = new PollPlan(model.name(), List.of(), List.of(), List.of(d), List.of(),
                plan.maxRatePerInstance().containsKey(d.instance())
                        ? Map.of(d.instance(), plan.maxRatePerInstance().get(d.instance())) : Map.of());
        return new Backfill.Rows(derive(mini, octets, rates.average()), derive(mini, octets, rates.min()),
                derive(mini, octets, rates.max()));
    }

    private static double[] derive(PollPlan mini, SeriesId octets, double[] rates) {
        double[] out = new double[rates.length];
        Arrays.fill(out, Double.NaN);
        Instant at = Instant.EPOCH; // Derivation copies the time; the row's time is the store's business
        for (int k = 0; k < rates.length; k++) {
            List<Sample> s = Derivation.derive(mini, List.of(new Sample(octets, at, rates[k])));
            if (!s.isEmpty()) out[k] = s.get(0).value();
        }
        return out;
    }
}
