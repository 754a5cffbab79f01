package io.mibwatch.poller.schedule;

import io.mibwatch.config.DeviceConfig;
import io.mibwatch.core.series.Reading;
import io.mibwatch.core.series.Sample;
import io.mibwatch.poller.decode.Decoded;
import io.mibwatch.poller.decode.Decoder;
import io.mibwatch.poller.decode.PlanIndex;
import io.mibwatch.poller.decode.WrongType;
import io.mibwatch.poller.derive.Derivation;
import io.mibwatch.poller.discovery.Discovery;
import io.mibwatch.poller.discovery.Inventory;
import io.mibwatch.poller.plan.PollPlanner;
import io.mibwatch.poller.rate.CounterObservation;
import io.mibwatch.poller.rate.LineRate;
import io.mibwatch.poller.rate.RateResult;
import io.mibwatch.poller.rate.RateTracker;
import io.mibwatch.poller.snmp.AgentTarget;
import io.mibwatch.poller.snmp.PollFailure;
import io.mibwatch.poller.snmp.SnmpOutcome;
import io.mibwatch.poller.snmp.SnmpResponse;
import io.mibwatch.poller.snmp.SnmpTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * One device's poll cycle: (re)discover when due, GET the plan's OIDs, decode,
 * turn counters into rates, hand the result to the listener.
 *
 * <p>Everything is asynchronous on the shared {@link SnmpTransport} (in production the one
 * {@link io.mibwatch.poller.snmp.SnmpClient}): a dead device
 * costs a pending future, not a thread. Processing after the network step runs on
 * the pipeline executor, never on SNMP4J's dispatcher thread. A cycle never
 * overlaps the previous one of the same device: an overrun is skipped and counted
 * (the alternative, queueing, turns one slow agent into an unbounded backlog).
 */
public final class DevicePoller {
    private final DeviceConfig device;
    private final AgentTarget target;
    private final SnmpTransport client;
    private final RateTracker rates;
    private final CycleListener listener;
    private final Executor pipeline;
    private final Clock clock;
    private final Duration rediscoverEvery;
    private final AtomicBoolean inFlight = new AtomicBoolean();

    /** The plan of the last discovery, indexed for decoding once rather than every poll. */
    private volatile PlanIndex plan;
    /** The last discovery's result, for display (names, sysDescr); null before the first. */
    private volatile Inventory inventory;
    private volatile Instant discoveredAt = Instant.MIN;
    private volatile long lastUpTimeTicks = -1;
    private volatile long overruns;

    public DevicePoller(DeviceConfig device, SnmpTransport client, RateTracker rates, CycleListener listener,
                        Executor pipeline, Clock clock, Duration rediscoverEvery) {
        this.device = device;
        this.target = AgentTarget.of(device);
        this.client = client;
        this.rates = rates;
        this.listener = listener;
        this.pipeline = pipeline;
        this.clock = clock;
        this.rediscoverEvery = rediscoverEvery;
    }

    public DeviceConfig device() {
        return device;
    }

    /** True while a cycle of this device is running. */
    public boolean busy() {
        return inFlight.get();
    }

    /** Cycles skipped because the previous one was still running. */
    public long overruns() {
        return overruns;
    }

    /**
     * Starts one cycle. Returns empty when the previous cycle of this device is still
     * running; the returned future never completes exceptionally.
     */
    public Optional<CompletableFuture<CycleReport>> pollOnce() {
        if (!inFlight.compareAndSet(false, true)) {
            overruns++;
            return Optional.empty();
        }
        Instant started = clock.instant();
        CompletableFuture<CycleReport> cycle;
        try {
            cycle = runCycle(started);
        } catch (RuntimeException e) {
            cycle = CompletableFuture.completedFuture(bug(started, e));
        }
        java.util.function.Function<CycleReport, CycleReport> deliver = report -> {
            try {
                listener.onCycle(report);
            } finally {
                inFlight.set(false);
            }
            return report;
        };
        CompletableFuture<CycleReport> safe = cycle.exceptionally(e -> bug(started, e));
        // The cycle completes on a pipeline thread: deliver there, without a second hand-off
        // (each one is a queue put and a thread wake-up). Only a cycle that is already done here
        // (a bug caught above) goes through the executor, so the listener never runs on the
        // scheduler's thread by design.
        CompletableFuture<CycleReport> done = safe.isDone()
                ? safe.thenApplyAsync(deliver, pipeline)
                : safe.thenApply(deliver);
        return Optional.of(done);
    }

    private CycleReport bug(Instant started, Throwable e) {
        return CycleReport.failed(device.name(), started, Duration.between(started, clock.instant()),
                new PollFailure(PollFailure.Cause.IO, "internal error while polling " + device.name() + ": " + e), false);
    }

    /** What the last discovery found (sysDescr, interface names and aliases), empty before the first. */
    public java.util.Optional<Inventory> inventory() {
        return java.util.Optional.ofNullable(inventory);
    }

    /** The device this poller polls. */
    public String deviceName() {
        return device.name();
    }

    private CompletableFuture<CycleReport> runCycle(Instant started) {
        PlanIndex current = plan;
        boolean due = current == null || !started.isBefore(discoveredAt.plus(rediscoverEvery));
        if (!due) {
            return poll(current, started, false);
        }
        return client.walk(target, Discovery.WALK_ROOTS).thenComposeAsync(outcome -> {
            if (outcome instanceof PollFailure f) {
                return CompletableFuture.completedFuture(CycleReport.failed(device.name(), started,
                        Duration.between(started, clock.instant()), f, true));
            }
            Inventory inv = Discovery.discover(((SnmpResponse) outcome).varbinds());
            PlanIndex p = PlanIndex.of(PollPlanner.plan(device.name(), inv, device.metrics()));
            plan = p;
            inventory = inv;
            discoveredAt = started;
            return poll(p, started, true);
        }, pipeline);
    }

    private CompletableFuture<CycleReport> poll(PlanIndex p, Instant started, boolean discovered) {
        // one GET of the whole plan: the client splits it when the agent's messages are too small
        return client.get(target, p.plan().getOids()).thenApplyAsync(o -> {
            if (o instanceof PollFailure f) {
                return CycleReport.failed(device.name(), started, Duration.between(started, clock.instant()), f, discovered);
            }
            SnmpResponse r = (SnmpResponse) o;
            // rates divide by the time between answers
            return toReport(p, r.varbinds(), r.at(), started, discovered);
        }, pipeline);
    }

    private CycleReport toReport(PlanIndex p, List<VariableBinding> vbs, Instant at, Instant started, boolean discovered) {
        Decoded d = Decoder.decode(p, vbs, at);
        Optional<PollFailure> wrongTypes = wrongTypes(p, d.wrongTypes());
        if (wrongTypes.isPresent() && d.readings().isEmpty()) {
            // nothing the agent sent could be used: not a healthy device with 0 samples
            return CycleReport.failed(device.name(), started, Duration.between(started, clock.instant()),
                    wrongTypes.get(), discovered);
        }
        if (d.sysUpTimeTicks() >= 0 && lastUpTimeTicks >= 0 && Long.compareUnsigned(d.sysUpTimeTicks(), lastUpTimeTicks) < 0) {
            // The agent restarted: interface indexes may have been renumbered (RFC 2863 3.1.5),
            // so discover again next cycle. The rate stage turns this cycle into gaps.
            discoveredAt = Instant.MIN;
        }
        lastUpTimeTicks = d.sysUpTimeTicks();
        List<Sample> samples = new ArrayList<>(d.readings().size());
        Map<String, Integer> gaps = new TreeMap<>();
        for (Reading r : d.readings()) {
            if (!r.kind().isCounter()) {
                samples.add(new Sample(r.series(), r.at(), r.value()));
                continue;
            }
            long disc = d.discontinuityTicksByInstance().getOrDefault(r.series().instance(), -1L);
            // the line rate, plus LineRate's tolerance for agents' cached counters, bounds a believable rate
            double max = LineRate.maxOctetsPerSecond(8 * d.maxRatePerInstance().getOrDefault(r.series().instance(), Double.NaN));
            RateResult rr = rates.offer(r.series(), new CounterObservation(r.raw(), r.kind(), r.at(), d.sysUpTimeTicks(), disc), max);
            if (rr instanceof RateResult.Rate rate) {
                samples.add(new Sample(r.series(), r.at(), rate.perSecond()));
            } else {
                RateResult.Gap gap = (RateResult.Gap) rr;
                gaps.merge(gap.reason().name(), 1, Integer::sum);
                samples.add(new Sample(r.series(), r.at(), Double.NaN));
            }
        }
        // series computed from rates (interface utilisation)
        samples.addAll(Derivation.derive(p.plan(), samples));
        return new CycleReport(device.name(), started, Duration.between(started, clock.instant()), Optional.empty(),
                samples, gaps, discovered, d.skipped(), wrongTypes);
    }

    /** How many wrong-typed planned OIDs one failure message names; the count says how many more. */
    static final int WRONG_TYPES_NAMED = 3;

    /** A {@code DECODE} failure naming the planned OIDs answered with a type their metric cannot hold. */
    private Optional<PollFailure> wrongTypes(PlanIndex p, List<WrongType> wrong) {
        if (wrong.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder m = new StringBuilder(target.where()).append(": ").append(wrong.size()).append(" of ")
                .append(p.plan().columns().size()).append(" planned OID(s) answered with the wrong type: ");
        for (int i = 0; i < Math.min(WRONG_TYPES_NAMED, wrong.size()); i++) {
            m.append(i == 0 ? "" : "; ").append(wrong.get(i).describe());
        }
        if (wrong.size() > WRONG_TYPES_NAMED) {
            m.append("; and ").append(wrong.size() - WRONG_TYPES_NAMED).append(" more");
        }
        return Optional.of(new PollFailure(PollFailure.Cause.DECODE, m.toString()));
    }
}
