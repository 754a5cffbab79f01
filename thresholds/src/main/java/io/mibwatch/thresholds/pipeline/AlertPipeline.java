package io.mibwatch.thresholds.pipeline;

import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.log.FailureLog;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.series.Sample;
import io.mibwatch.thresholds.alert.Alert;
import io.mibwatch.thresholds.alert.AlertChanges;
import io.mibwatch.thresholds.alert.AlertId;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.alert.AlertTracker;
import io.mibwatch.thresholds.alert.FlapPolicy;
import io.mibwatch.thresholds.alert.Silence;
import io.mibwatch.thresholds.alert.Transition;
import io.mibwatch.thresholds.alert.TransitionReason;
import io.mibwatch.thresholds.apdex.ApdexMonitor;
import io.mibwatch.thresholds.baseline.BaselineRules;
import io.mibwatch.thresholds.notify.Dispatcher;
import io.mibwatch.thresholds.rule.Condition;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.thresholds.rule.MissingReason;
import io.mibwatch.thresholds.rule.Observation;
import io.mibwatch.thresholds.rule.RuleBinding;
import io.mibwatch.thresholds.rule.RuleConfig;
import io.mibwatch.thresholds.rule.RuleEngine;
import io.mibwatch.thresholds.rule.RuleId;
import io.mibwatch.thresholds.rule.RuleResult;
import io.mibwatch.thresholds.rule.RuleSet;
import io.mibwatch.thresholds.rule.Unreachable;
import io.mibwatch.thresholds.store.AckRequest;
import io.mibwatch.thresholds.store.AlertRow;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.AlertStoreException;
import io.mibwatch.thresholds.store.Batch;
import io.mibwatch.thresholds.store.SilenceRow;
import io.mibwatch.thresholds.store.StoredTransition;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert loop, evaluate -&gt; track -&gt; persist -&gt; notify, the way Prometheus' rule group owns
 * its evaluation ({@code rules/group.go Eval}). Each {@link DeviceCycle} (a poll cycle, or any other
 * source's news about a device): device reachability, the per-device unreachable series and each
 * sample go through the {@link RuleEngine}, the results through the {@link AlertTracker}; whatever
 * changed (alerts, transitions, acks, notifications) is written to the {@link AlertStore} in ONE
 * transaction, then the {@link Dispatcher} is woken. The dispatcher sends on its own threads, so a
 * dead channel never holds up evaluation.
 *
 * <p>Ports: the {@link StoredData} (stored values and rows, read by rules and baselines), the
 * alert store, the notifier and a {@link Clock}. The pipeline owns the store and the notifier
 * from construction on and closes them in {@link #close}.
 *
 * <p>Every {@code recheck} period (10 s) the tracker is re-checked against the clock (silence
 * windows, flap expiry), and the CLI's writes are picked up: silences added or removed in the
 * database, and queued ack requests.
 *
 * <p>On start the active alerts, their acks and the silences are restored from the store.
 *
 * <p>A batch the store cannot take because its storage failed (disk full, I/O error, see
 * {@link AlertStoreException#retryable()}) is kept in memory, in order, and written before any
 * newer batch as soon as the store takes writes again (tried with every batch and every recheck);
 * its listeners and the notifier hear of it only then. So no transition is lost and none is
 * stored out of order, and the stored alert rows catch up with the tracker. What waits is bounded
 * ({@link #MAX_UNSTORED_ROWS}). Meanwhile the appliance raises its own alert
 * {@code mibwatch_disk_full} ({@link #diskFullAlert}), through the same tracker, resolved once
 * writes succeed again; the RRD side reports into it with {@link #storageWrite}.
 */
public final class AlertPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertPipeline.class);
    public static final Duration RECHECK = Duration.ofSeconds(10);
    /** How long RESOLVED alerts stay in memory (and in {@code alerts --state all}). */
    static final Duration RESOLVED_RETENTION = Duration.ofHours(1);

    private final Clock clock;
    private final AlertStore store;
    private final RuleEngine engine;
    private final AlertTracker tracker;
    private final LatestSamples history;
    private final Dispatcher dispatcher;
    /** Learned baseline rules: models relearned daily in the background. */
    private final BaselineRules baselines;
    /** Live Apdex per service; guarded by itself: cycles of several devices may end at once. */
    private final ApdexMonitor apdex;
    private final Duration recheckEvery;
    private final Object lock = new Object();
    /** One error line per storage problem, a summary a minute, one line when it recovers. */
    private final FailureLog failures;
    /** {@link #MAX_UNSTORED_ROWS} but in tests. */
    private final int maxUnstoredRows;
    private final List<Consumer<AlertEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mibwatch-alert-recheck");
        t.setDaemon(true);
        return t;
    });

    /**
     * Opens the store at {@code dbFile} and builds the notifier from {@code config.notifications()}.
     *
     * @param recheckEvery how often {@link #periodic} runs once started ({@link #RECHECK} in the daemon)
     */
    public static AlertPipeline open(MibwatchConfig config, Path dbFile, StoredData stored, Clock clock,
                                     Duration recheckEvery) {
        AlertStore store = AlertStore.open(dbFile);
        Dispatcher notifier;
        try {
            notifier = new Dispatcher(store, AlertingSetup.router(config.notifications()),
                    AlertingSetup.channels(config.notifications()), Dispatcher.Settings.DEFAULT, clock);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new AlertPipeline(config, store, notifier, stored, clock, recheckEvery); // closes both if it throws
    }

    /**
     * Restores the active alerts, their acks and the silences from {@code store}. Takes over
     * {@code store} and {@code notifier} (the notifier sends from that store's outbox) even when it
     * throws: both are closed then.
     */
    public AlertPipeline(MibwatchConfig config, AlertStore store, Dispatcher notifier, StoredData stored, Clock clock,
                         Duration recheckEvery) {
        this(config, store, notifier, stored, clock, recheckEvery, MAX_UNSTORED_ROWS);
    }

    /** With another bound on the rows waiting for the store than {@link #MAX_UNSTORED_ROWS} (tests). */
    AlertPipeline(MibwatchConfig config, AlertStore store, Dispatcher notifier, StoredData stored, Clock clock,
                  Duration recheckEvery, int maxUnstoredRows) {
        this.maxUnstoredRows = maxUnstoredRows;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recheckEvery = recheckEvery;
        this.store = Objects.requireNonNull(store, "store");
        this.dispatcher = Objects.requireNonNull(notifier, "notifier");
        this.failures = new FailureLog(clock, FailureLog.MINUTE, LOG::error, LOG::info);
        try {
            this.history = new LatestSamples(stored.values());
            RuleConfig rules = AlertingSetup.rules(config.thresholds());
            this.baselines = BaselineRules.of(config.thresholds(), stored.rows(), clock, stored.series(),
                    ZoneId.systemDefault());
            List<RuleBinding> withApdex = new ArrayList<>(rules.rules());
            withApdex.addAll(baselines.bindings());
            withApdex.addAll(ApdexMonitor.rules(config.services()));
            this.engine = new RuleEngine(RuleSet.standard(rules.withRules(withApdex)), history);
            this.apdex = new ApdexMonitor(config.services(), MetricUnits.of(MetricCatalog.standard()));
            this.tracker = new AlertTracker(clock, AlertingSetup.dependencies(config), FlapPolicy.DEFAULT,
                    RESOLVED_RETENTION);
            restore();
        } catch (RuntimeException e) {
            try {
                notifier.close();
            } finally {
                store.close();
            }
            throw e;
        }
    }

    /** The learned baseline rules and where their series stand. */
    public BaselineRules baselines() {
        return baselines;
    }

    private void restore() {
        List<Alert> alerts = new ArrayList<>();
        Set<String> unreachable = new HashSet<>();
        for (AlertRow row : store.activeAlerts()) {
            List<StoredTransition> h = store.history(row.id());
            String summary = h.isEmpty() ? "" : summaryOf(h.get(h.size() - 1).row().reason());
            Alert a = AlertPersistence.toAlert(row, summary);
            alerts.add(a);
            if (a.rule().equals(Unreachable.DEFAULT.id()) && a.state() == AlertState.FIRING) {
                unreachable.add(a.device());
            }
        }
        Instant now = clock.instant();
        List<Silence> silences = store.silences().stream().filter(s -> s.end().isAfter(now))
                .map(AlertPersistence::toSilence).toList();
        tracker.restore(alerts, silences, unreachable);
        LOG.info("alerts: restored {} active alert(s) ({} acknowledged), {} silence(s) from {}", alerts.size(),
                alerts.stream().filter(a -> a.ack().isPresent()).count(), silences.size(), store.file());
    }

    private static String summaryOf(String reason) {
        int colon = reason.indexOf(": ");
        return colon < 0 ? "" : reason.substring(colon + 2);
    }

    /**
     * Calls {@code listener} with every transition once it is stored, in order, on the thread that
     * caused it while evaluation waits: keep it short. A listener that throws is logged and skipped.
     */
    public void addListener(Consumer<AlertEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void start() {
        dispatcher.start();
        baselines.start();
        long ms = recheckEvery.toMillis();
        timer.scheduleWithFixedDelay(this::periodic, 0, ms, TimeUnit.MILLISECONDS);
    }

    public AlertStore store() {
        return store;
    }

    public AlertTracker tracker() {
        return tracker;
    }

    /** Evaluates what one source learned about one device; for a poll cycle, call after its samples were stored. */
    public void onCycle(DeviceCycle r) {
        Instant at = r.at();
        List<RuleResult> results = new ArrayList<>();
        SeriesReach reach;
        if (r.reached()) {
            history.overlay(r.samples());
            Instant when = r.samples().isEmpty() ? at : r.samples().get(0).at();
            reach = reachability(engine.observe(new Observation.Value(Unreachable.series(r.device()), when, 1)));
            results.addAll(reach.results);
            boolean restarted = r.agentRestarted();
            for (Sample s : r.samples()) {
                Observation o = Observation.of(s);
                if (restarted && o instanceof Observation.Missing m) {
                    // the agent restarted: its counters' gaps this cycle are that restart, not missing data
                    o = new Observation.Missing(m.series(), m.at(), MissingReason.AGENT_RESTART);
                }
                results.addAll(engine.observe(o));
            }
            List<Sample> scores;
            synchronized (apdex) {
                scores = apdex.offer(r.samples());
            }
            for (Sample s : scores) {
                // the service's Apdex over its last window: alerts like any series (apdex_alert)
                results.addAll(engine.observe(Observation.of(s)));
            }
        } else {
            reach = reachability(engine.observe(new Observation.Missing(Unreachable.series(r.device()), at,
                    MissingReason.POLL_FAILED)));
            results.addAll(reach.results);
        }
        synchronized (lock) {
            AlertChanges a = tracker.deviceReachability(r.device(), !reach.unreachable);
            AlertChanges b = tracker.onResults(results);
            persist(a);
            persist(b);
        }
    }

    private record SeriesReach(List<RuleResult> results, boolean unreachable) {
    }

    /** Unreachable = the unreachable rule's condition holds and is no longer pending. */
    private static SeriesReach reachability(List<RuleResult> results) {
        boolean down = results.stream().filter(x -> x.rule() instanceof Unreachable)
                .map(x -> x.evaluation().condition())
                .anyMatch(c -> c.isPresent() && !c.map(Condition::pending).orElse(true));
        return new SeriesReach(results, down);
    }

    /** The pending value rows ride along with {@code b} (one transaction, one sync). Caller holds lock. */
    private Batch withPendingValues(Batch b) {
        if (pendingValues.isEmpty()) {
            return b;
        }
        List<io.mibwatch.thresholds.store.AlertRow> upserts = new ArrayList<>(pendingValues.size() + b.upserts().size());
        pendingValues.values().forEach(a -> upserts.add(AlertPersistence.toRow(a)));
        upserts.addAll(b.upserts()); // after: a row of this batch is newer (none is pending twice anyway)
        pendingValues.clear();
        return new Batch(b.transitions(), upserts, b.acks(), b.notifications());
    }

    /** Writes the waiting batches and the pending value rows now. Caller holds lock. */
    private void flushValues() {
        if (!pendingValues.isEmpty()) {
            queue(new Unstored(withPendingValues(new Batch(List.of(), List.of(), List.of(), List.of())), List.of()));
        }
        writeWaiting();
    }

    /** Recheck, silences from the DB, queued acks, pending values. Runs on the timer; public for tests. */
    public void periodic() {
        try {
            synchronized (lock) {
                flushValues(); // what waited for the store goes first
                persist(AlertChanges.NONE); // and the store's own alert follows how that went
                syncSilences();
                applyAckRequests();
                persist(tracker.recheck());
                flushValues();
            }
            failures.succeeded("alerts: periodic recheck failed");
        } catch (RuntimeException e) {
            if (failures.failed("alerts: periodic recheck failed", e.toString())) {
                LOG.debug("alerts: periodic recheck failed", e); // the stack, once per cause
            }
        }
    }

    private void syncSilences() {
        Instant now = clock.instant();
        Map<String, SilenceRow> inDb = store.silences().stream().filter(s -> s.end().isAfter(now))
                .collect(Collectors.toMap(SilenceRow::id, Function.identity()));
        Set<String> known = tracker.silences().stream().map(Silence::id).collect(Collectors.toSet());
        for (String id : known) {
            if (!inDb.containsKey(id)) {
                persist(tracker.removeSilence(id));
                LOG.info("alerts: silence {} removed", id);
            }
        }
        for (SilenceRow s : inDb.values()) {
            if (!known.contains(s.id())) {
                persist(tracker.addSilence(AlertPersistence.toSilence(s)));
                LOG.info("alerts: silence {} ({} until {}) by {}: {}", s.id(), s.matcher(), s.end(), s.createdBy(),
                        s.comment());
            }
        }
    }

    private void applyAckRequests() {
        for (AckRequest req : store.openAckRequests()) {
            String outcome;
            try {
                AlertChanges c = tracker.acknowledge(AlertId.parse(req.ack().alertId()), req.ack().user(),
                        req.ack().comment());
                boolean acked = c.transitions().stream().anyMatch(t -> t.reason() == TransitionReason.ACKNOWLEDGED);
                persist(c);
                outcome = acked ? "acknowledged" : "not acknowledged: only a FIRING, unacknowledged alert can be";
            } catch (NoSuchElementException | IllegalArgumentException e) {
                outcome = "not acknowledged: " + e.getMessage();
            }
            store.completeAckRequest(req.id(), outcome, clock.instant());
            LOG.info("alerts: ack request {} for {} by {}: {}", req.id(), req.ack().alertId(), req.ack().user(), outcome);
        }
    }

    /**
     * Acknowledges at once (the web UI), instead of queueing an ack request for the next recheck
     * (the CLI, which runs in another process).
     *
     * @return whether the ack took (false: nothing changed)
     * @throws NoSuchElementException when no such alert is tracked
     * @throws IllegalStateException  when the alert is not FIRING (the message says its state)
     * @throws IllegalArgumentException when the id is not an alert id
     */
    public boolean acknowledgeNow(String alertId, String user, String comment) {
        synchronized (lock) {
            AlertChanges c = tracker.acknowledge(AlertId.parse(alertId), user, comment);
            persist(c);
            return c.transitions().stream().anyMatch(t -> t.reason() == TransitionReason.ACKNOWLEDGED);
        }
    }

    /** Stores a silence and applies it to the live alerts at once (the web UI). */
    public void addSilenceNow(SilenceRow silence) {
        synchronized (lock) {
            store.addSilence(silence);
            persist(tracker.addSilence(AlertPersistence.toSilence(silence)));
        }
    }

    /** Removes a silence from the store and the live alerts at once; false when the store had none. */
    public boolean removeSilenceNow(String id) {
        synchronized (lock) {
            boolean stored = store.removeSilence(id);
            if (tracker.silences().stream().anyMatch(s -> s.id().equals(id))) {
                persist(tracker.removeSilence(id));
            }
            return stored;
        }
    }

    /**
     * Alerts whose value moved while nothing else happened, newest row per alert, not yet written.
     * Written with the next batch that has events, or by the periodic recheck (every
     * {@link #RECHECK}): the value a page shows lags by at most that, while states,
     * transitions and notifications are on disk before the cycle that caused them ends.
     * Guarded by {@code lock}.
     */
    private final Map<AlertId, Alert> pendingValues = new LinkedHashMap<>();

    /** Caller holds lock. */
    private void persist(AlertChanges c) {
        record(c);
        // the store's own health, as an alert: after the write, so it says how that went
        record(diskFullAlert(ALERT_STORE, unstored.isEmpty() ? Optional.empty()
                : Optional.of("cannot write the alert store, " + unstoredRows + " row(s) wait in memory: "
                        + lastStoreError)));
    }

    private void record(AlertChanges c) {
        for (Alert a : c.refreshed()) {
            pendingValues.put(a.id(), a);
        }
        if (!c.hasEvents()) {
            return;
        }
        for (Alert a : c.alerts()) {
            pendingValues.remove(a.id()); // this batch writes its newer row
        }
        List<AlertEvent> events = new ArrayList<>();
        for (Transition t : c.transitions()) {
            String summary = c.alerts().stream().filter(a -> a.id().equals(t.alertId())).map(Alert::summary)
                    .findFirst().orElse("");
            events.add(new AlertEvent(t, summary));
        }
        queue(new Unstored(withPendingValues(AlertPersistence.toBatch(c)), events));
        writeWaiting();
    }

    /** A batch not yet stored, with the events its listeners hear once it is. */
    private record Unstored(Batch batch, List<AlertEvent> events) {
        int rows() {
            return batch.transitions().size() + batch.acks().size() + batch.notifications().size();
        }
    }

    /**
     * At most this many transition, ack and notification rows wait in memory for the store. Past
     * it the oldest waiting batch's rows are dropped (counted and logged) but its alert rows are
     * kept, so the stored alerts still end in the tracker's state. 10 000 rows are a few MiB,
     * and hours of a large fleet's transitions.
     */
    static final int MAX_UNSTORED_ROWS = 10_000;

    /** Batches the store refused for want of storage, oldest first. Guarded by {@code lock}. */
    private final Deque<Unstored> unstored = new ArrayDeque<>();
    private int unstoredRows;
    private String lastStoreError = "";

    private void queue(Unstored u) {
        unstored.addLast(u);
        unstoredRows += u.rows();
        while (unstoredRows > maxUnstoredRows && unstored.size() > 1) {
            Unstored old = unstored.pollFirst();
            Unstored next = unstored.pollFirst();
            unstoredRows -= old.rows();
            Map<String, AlertRow> rows = new LinkedHashMap<>();
            old.batch().upserts().forEach(r -> rows.put(r.id(), r));
            next.batch().upserts().forEach(r -> rows.put(r.id(), r)); // the newer row wins
            Batch b = next.batch();
            unstored.addFirst(new Unstored(new Batch(b.transitions(), List.copyOf(rows.values()), b.acks(),
                    b.notifications()), next.events()));
            failures.failed(ALERT_STORE + ": rows dropped", old.rows() + " transition/ack/notification row(s) of "
                    + old.batch().transitions().stream().map(t -> t.alertId()).distinct().count()
                    + " alert(s) dropped: more than " + maxUnstoredRows + " waited for the store");
        }
    }

    /**
     * Writes the waiting batches oldest first, each in its own transaction; stops at the first the
     * store refuses for want of storage (it stays first). A batch refused for its data is dropped
     * and the error thrown, as it could never be stored. Caller holds lock.
     */
    private void writeWaiting() {
        while (!unstored.isEmpty()) {
            Unstored u = unstored.peekFirst();
            try {
                store.apply(u.batch());
            } catch (AlertStoreException e) {
                if (e.retryable()) {
                    lastStoreError = e.getMessage();
                    failures.failed(ALERT_STORE, e.getMessage() + " (kept in memory, written when the store"
                            + " takes writes again)");
                    return;
                }
                unstored.pollFirst();
                unstoredRows -= u.rows();
                throw e;
            }
            unstored.pollFirst();
            unstoredRows -= u.rows();
            announce(u);
        }
        failures.succeeded(ALERT_STORE);
        failures.succeeded(ALERT_STORE + ": rows dropped");
    }

    /** A stored batch's transitions to the log and the listeners, and its notifications to the notifier. */
    private void announce(Unstored u) {
        for (AlertEvent e : u.events()) {
            Transition t = e.transition();
            if (t.reason() == TransitionReason.FIRED || t.reason() == TransitionReason.RESOLVED) {
                LOG.info(e.line());
            }
            for (Consumer<AlertEvent> l : listeners) {
                try {
                    l.accept(e);
                } catch (RuntimeException ex) {
                    LOG.error("alerts: a transition listener failed on {}: {}", t.alertId().key(), ex.toString(), ex);
                }
            }
        }
        if (!u.batch().notifications().isEmpty()) {
            dispatcher.wake();
        }
    }

    /** The rule id of the appliance's own alert that it cannot write its data. */
    public static final RuleId DISK_FULL = RuleId.of("mibwatch_disk_full");
    /** Which store {@link #diskFullAlert} is about: the alert store (this pipeline's own). */
    public static final String ALERT_STORE = "alert-store";

    /** The self series of the disk-full alert of one store: {@code mibwatch:self/STORE/disk_full}. */
    public static SeriesId diskFullSeries(String storeName) {
        return new SeriesId("mibwatch", "self", storeName, "disk_full");
    }

    /**
     * Raises (with {@code failure}) or resolves (empty) the {@code mibwatch_disk_full} alert of
     * {@code storeName}, through the tracker like any alert: the NOC sees that the appliance is
     * blind. Caller holds lock.
     */
    private AlertChanges diskFullAlert(String storeName, Optional<String> failure) {
        AlertId id = new AlertId(DISK_FULL, diskFullSeries(storeName));
        boolean raised = tracker.alert(id).map(a -> a.state().active()).orElse(false);
        if (failure.isPresent() == raised) {
            return AlertChanges.NONE;
        }
        return tracker.onEvaluation(id, failure.map(f -> new Condition(Severity.CRITICAL, false, 1, f)));
    }

    /**
     * What the last write to another store came to, e.g. the RRD files of a poll cycle:
     * {@code failure} says why it failed for want of storage, empty when it succeeded. Raises or
     * resolves that store's {@code mibwatch_disk_full} alert.
     */
    public void storageWrite(String storeName, Optional<String> failure) {
        synchronized (lock) {
            persist(diskFullAlert(storeName, failure));
        }
    }

    /** Transition, ack and notification rows waiting in memory for the store (0 when all are stored). */
    public int unstoredRows() {
        synchronized (lock) {
            return unstoredRows;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            synchronized (lock) {
                flushValues();
                if (!unstored.isEmpty()) {
                    LOG.error("alerts: stopping with {} transition/ack/notification row(s) not stored: {}",
                            unstoredRows, lastStoreError);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("alerts: writing the latest values at shutdown failed: {}", e.toString());
        }
        baselines.close();
        try {
            dispatcher.close();
        } finally {
            store.close();
        }
    }
}
