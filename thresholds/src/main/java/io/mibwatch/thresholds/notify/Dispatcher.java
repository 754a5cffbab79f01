package io.mibwatch.thresholds.notify;

import io.mibwatch.config.Secret;
import io.mibwatch.core.log.FailureLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the {@link Outbox} on its own threads: one router thread turns new notifications into
 * per-channel deliveries, and one lane thread per channel sends that channel's due deliveries.
 * Evaluation only writes to the store and calls {@link #wake()}; it never waits for a channel,
 * and a slow or dead channel only holds up its own lane.
 *
 * <p>Failures are retried with {@link Backoff}; times come from the injected {@link Clock}
 * (attempt times, next-attempt times, log entries), while the lanes' idle polling uses real time.
 *
 * <p><b>At-least-once.</b> A delivery is marked delivered only after the channel accepted it. A
 * crash (or a store write failure) between the two leaves it pending, and it is sent again after
 * restart; receivers de-duplicate on {@link Notification#id()}. Nothing pending is ever dropped
 * at shutdown: it stays in the outbox for the next start.
 *
 * <p>Secrets of all channels are masked as {@code <secret>} in every error text before it is
 * logged or written to the notification log.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /**
     * @param backoff      retry schedule
     * @param idlePoll     how long an idle thread sleeps before looking again (real time; {@link #wake()} cuts it short)
     * @param batch        deliveries fetched per look
     * @param closeTimeout how long {@link #close()} waits for a lane in the middle of a send
     */
    public record Settings(Backoff backoff, Duration idlePoll, int batch, Duration closeTimeout) {
        public static final Settings DEFAULT = new Settings(Backoff.DEFAULT, Duration.ofSeconds(1), 50,
                Duration.ofSeconds(10));

        public Settings {
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(idlePoll, "idlePoll");
            Objects.requireNonNull(closeTimeout, "closeTimeout");
            if (idlePoll.isNegative() || idlePoll.isZero() || batch < 1) {
                throw new IllegalArgumentException("idlePoll must be positive and batch >= 1");
            }
        }
    }

    private final Outbox outbox;
    private final Router router;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Settings settings;
    private final Clock clock;
    private final List<String> secretValues = new ArrayList<>();
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private long wakeups;   // guarded by signal; each thread waits only if it has seen the latest
    /**
     * Deliveries a channel took whose outcome the outbox could not record (disk full): recorded on
     * the next pass, not sent again. By delivery id, with when it was sent.
     */
    private final Map<Long, Instant> sentNotRecorded = new ConcurrentHashMap<>();
    /** A lane or the router failing on every pass (the store cannot be written): one line per cause. */
    private final FailureLog failures;

    public Dispatcher(Outbox outbox, Router router, List<Channel> channels, Settings settings, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.router = Objects.requireNonNull(router, "router");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.failures = new FailureLog(clock, FailureLog.MINUTE, LOG::error, LOG::info);
        for (Channel c : channels) {
            if (this.channels.putIfAbsent(c.name(), c) != null) {
                throw new IllegalArgumentException("two channels are named '" + c.name() + "'");
            }
            for (Secret s : c.secrets()) {
                if (!s.isEmpty()) {
                    secretValues.add(s.reveal());
                }
            }
        }
    }

    /** Starts the router thread and one lane per channel. */
    public synchronized void start() {
        if (running) {
            throw new IllegalStateException("dispatcher already started");
        }
        running = true;
        if (router.routes().isEmpty()) {
            LOG.info("no notification routes configured: alerts are stored and listed (mibwatch alerts), not sent");
        }
        threads.add(thread("mibwatch-notify-route", this::routeOnce));
        for (Channel c : channels.values()) {
            threads.add(thread("mibwatch-notify-" + c.name(), () -> laneOnce(c)));
        }
        threads.forEach(Thread::start);
    }

    /** New notifications are in the outbox: look now rather than at the next idle poll. */
    public void wake() {
        synchronized (signal) {
            wakeups++;
            signal.notifyAll();
        }
    }

    /**
     * One synchronous pass in the caller's thread: routes every unrouted notification, then makes
     * one attempt at every delivery due now, channel by channel. For tests and tools; not to be
     * mixed with {@link #start()}. Returns the number of send attempts made.
     */
    public int drainOnce() {
        if (running) {
            throw new IllegalStateException("drainOnce() while the dispatcher threads run");
        }
        while (routeOnce() > 0) {
            // keep routing until the backlog is empty
        }
        int attempts = 0;
        for (Channel c : channels.values()) {
            int n;
            do {
                n = laneOnce(c);
                attempts += n;
            } while (n == settings.batch());
        }
        return attempts;
    }

    /** Routes up to one batch; returns how many notifications it routed. */
    private int routeOnce() {
        List<Notification> todo = outbox.unrouted(settings.batch());
        for (Notification n : todo) {
            Set<String> to = router.channelsFor(n);
            outbox.route(n.id(), to, clock.instant());
            if (to.isEmpty() && router.routes().isEmpty()) {
                // nothing configured: alerts are stored and shown; one line at start said so
                LOG.debug("notification {} not sent: no notification routes configured", n.id());
            } else if (to.isEmpty()) {
                LOG.warn("notification {} ({} {} of {}) matched no route; not sent", n.id(), n.severity(), n.kind(),
                        n.alertId());
            }
        }
        if (!todo.isEmpty()) {
            wake();
        }
        return todo.size();
    }

    /** Attempts up to one batch of the channel's due deliveries; returns the number of attempts. */
    private int laneOnce(Channel c) {
        List<Delivery> due = outbox.due(c.name(), clock.instant(), settings.batch());
        for (Delivery d : due) {
            if (!running && !threads.isEmpty()) {
                break;   // closing: leave the rest in the outbox
            }
            attempt(c, d);
        }
        return due.size();
    }

    private void attempt(Channel c, Delivery d) {
        Instant sentAt = sentNotRecorded.get(d.id());
        if (sentAt == null) {
            try {
                c.send(d.notification());
            } catch (DeliveryException | RuntimeException e) {
                failed(d, e);
                return;
            }
            sentAt = clock.instant();
            sentNotRecorded.put(d.id(), sentAt);
        }
        // may fail (disk full): then the next pass records it without sending it again
        outbox.markDelivered(d.id(), sentAt);
        sentNotRecorded.remove(d.id());
        LOG.debug("notification {} delivered to {}", d.notification().id(), c.name());
    }

    private void failed(Delivery d, Exception e) {
        String error = mask(e instanceof DeliveryException ? e.getMessage()
                : "channel " + d.channel() + " failed: " + e);
        int attempt = d.attempts() + 1;
        Instant now = clock.instant();
        Optional<Instant> next = settings.backoff().next(attempt, now);
        if (next.isPresent()) {
            outbox.markFailed(d.id(), error, now, next.get());
            LOG.warn("notification {} attempt {} failed, next at {}: {}", d.notification().id(), attempt, next.get(),
                    error);
        } else {
            outbox.giveUp(d.id(), error, now);
            LOG.error("notification {} given up after {} attempts: {}", d.notification().id(), attempt, error);
        }
    }

    /** Replaces every configured secret value with {@code <secret>}. */
    String mask(String text) {
        String out = text == null ? "" : text;
        for (String s : secretValues) {
            out = out.replace(s, "<secret>");
        }
        return out;
    }

    private Thread thread(String name, java.util.function.IntSupplier step) {
        Thread t = new Thread(() -> {
            while (running) {
                long seen;
                synchronized (signal) {
                    seen = wakeups;
                }
                int done;
                try {
                    done = step.getAsInt();
                    failures.succeeded(name);
                } catch (RuntimeException e) {
                    // a store hiccup must not kill the thread: log (once per cause, then a summary a
                    // minute), back off one idle period, go on
                    failures.failed(name, mask(String.valueOf(e.getMessage())));
                    done = 0;
                }
                if (done == 0) {
                    idle(seen);
                }
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    private void idle(long seen) {
        synchronized (signal) {
            if (wakeups == seen && running) {
                try {
                    signal.wait(settings.idlePoll().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    /**
     * Stops the threads. A lane in the middle of a send gets {@code closeTimeout} to finish (its
     * channel's own timeout bounds that); what is not delivered stays in the outbox.
     */
    @Override
    public void close() {
        List<Thread> toJoin;
        synchronized (this) {
            running = false;
            toJoin = List.copyOf(threads);
        }
        wake();
        long deadline = System.nanoTime() + settings.closeTimeout().toNanos();
        for (Thread t : toJoin) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
