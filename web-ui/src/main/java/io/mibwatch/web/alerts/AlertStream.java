package io.mibwatch.web.alerts;

import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.StoredTransition;
import io.mibwatch.web.http.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live alert feed, {@code GET /api/alerts/stream}: server-sent events (WHATWG HTML, "Server-sent
 * events") whose ids are the alert store's transition sequence numbers. The store is the single
 * source: one thread reads {@code transitionsAfter(last)} every {@code pollEvery} and fans the new
 * transitions out, so whatever writes the store (the daemon, the CLI, another process) reaches
 * every screen, and a browser that reconnects with {@code Last-Event-ID} (or {@code ?after=SEQ},
 * for the first connect after loading the snapshot of {@code GET /api/alerts}) gets exactly the
 * transitions it missed, in order.
 *
 * <p>Each event is {@code event: alert}, {@code id: SEQ}, data {@code {seq, transition, alert}}
 * with the alert's current row ({@code null} when it is gone). A client too far behind
 * ({@link #MAX_BACKLOG} transitions) gets {@code event: reset} and reloads the snapshot.
 *
 * <p>Streams do not hold a worker thread: Undertow writes them from its I/O threads; store reads and
 * registration happen on this class's single thread, so a client is registered and caught up
 * without racing the fan-out.
 */
public final class AlertStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);
    /** Transitions sent to one reconnecting client before it is told to reload instead. */
    public static final int MAX_BACKLOG = 10_000;
    private static final int PAGE = 1_000;
    /** How often each stream's login is re-checked (logout, expiry, removed user, revoked token). */
    static final java.time.Duration RECHECK_LOGIN = java.time.Duration.ofSeconds(5);
    private static final io.undertow.util.AttachmentKey<java.util.function.BooleanSupplier> VALID =
            io.undertow.util.AttachmentKey.create(java.util.function.BooleanSupplier.class);

    private final AlertStore store;
    private final Duration pollEvery;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mibwatch-alert-stream");
        t.setDaemon(true);
        return t;
    });
    /** Client -> highest sequence number sent to it. Touched only on {@link #thread}. */
    private final Map<ServerSentEventConnection, Long> clients = new ConcurrentHashMap<>();
    private volatile long last;
    private volatile boolean started;
    private long lastLoginCheck = System.nanoTime();

    public AlertStream(AlertStore store, Duration pollEvery) {
        this.store = store;
        this.pollEvery = pollEvery;
    }

    /** Reads the current end of the transition log and starts polling it. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        last = store.latestSeq();
        long ms = Math.max(10, pollEvery.toMillis());
        thread.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** The Undertow handler (the server puts the security headers on before). */
    public HttpHandler handler() {
        return exchange -> {
            exchange.getResponseHeaders().put(io.undertow.util.Headers.CACHE_CONTROL, "no-store");
            // the connection object is made later, on an I/O thread: the callback carries the login check there
            java.util.function.BooleanSupplier validity = io.mibwatch.web.http.Caller.validity(exchange);
            new ServerSentEventHandler((connection, lastEventId) -> {
                connection.putAttachment(VALID, validity);
                // called on an I/O thread: register on ours (store reads block)
                thread.execute(() -> register(connection, lastEventId));
            }).handleRequest(exchange);
        };
    }

    /**
     * The sequence number the fan-out has reached (it lags the store by up to one poll period).
     */
    public long position() {
        return last;
    }

    /**
     * The store's latest transition sequence number now (one indexed MAX lookup). A snapshot of the alerts read after this call, together with
     * a stream opened with {@code ?after=} this value, misses nothing and repeats nothing that
     * happened before the call.
     */
    public long currentSeq() {
        return Math.max(last, store.latestSeq());
    }

    public int clients() {
        return clients.size();
    }

    private void register(ServerSentEventConnection c, String lastEventId) {
        try {
            long after = parse(lastEventId).orElseGet(() -> parse(first(c.getQueryParameters().get("after")))
                    .orElse(last));
            c.setKeepAliveTime(15_000);
            c.addCloseTask(closed -> clients.remove(closed));
            if (clients.isEmpty()) {
                // nobody was watching, so the fan-out did not follow the store: join it at the store's end
                last = Math.max(last, store.latestSeq());
            }
            // catch up to the fan-out's position, then join it; both on this thread, so nothing falls between
            if (after < last) {
                List<StoredTransition> backlog = store.transitionsAfter(after, MAX_BACKLOG + 1);
                if (backlog.size() > MAX_BACKLOG) {
                    c.send("{\"reason\":\"more than " + MAX_BACKLOG + " transitions missed; reload\"}", "reset",
                            Long.toString(last), null);
                } else {
                    for (StoredTransition t : backlog) {
                        if (t.seq() > last) {
                            break;
                        }
                        send(c, t);
                    }
                }
            }
            // everything up to the fan-out's position is now sent (or was in the client's snapshot)
            clients.put(c, Math.max(after, last));
            if (!c.isOpen()) {
                clients.remove(c);
            }
        } catch (RuntimeException e) {
            LOG.warn("alert stream: cannot register a client: {}", e.toString());
            close(c);
        }
    }

    private void poll() {
        if (System.nanoTime() - lastLoginCheck > RECHECK_LOGIN.toNanos()) {
            lastLoginCheck = System.nanoTime();
            dropEndedLogins();
        }
        if (clients.isEmpty()) {
            // no screen open: reading the store would only move `last` (a daemon without viewers
            // spent ~3 % of its CPU here in the fleet run); register() catches up instead
            return;
        }
        try {
            while (true) {
                List<StoredTransition> news = store.transitionsAfter(last, PAGE);
                if (news.isEmpty()) {
                    return;
                }
                for (StoredTransition t : news) {
                    String data = payload(t);
                    for (Map.Entry<ServerSentEventConnection, Long> e : clients.entrySet()) {
                        if (t.seq() > e.getValue()) {
                            e.getKey().send(data, "alert", Long.toString(t.seq()), null);
                            e.setValue(t.seq());
                        }
                    }
                }
                last = news.get(news.size() - 1).seq();
                if (news.size() < PAGE) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // a store hiccup must not kill the feed: log and try again next tick
            LOG.warn("alert stream: reading new transitions failed: {}", e.toString());
        }
    }

    /** A stream lives no longer than its login: logged out, expired, user removed, token revoked. */
    private void dropEndedLogins() {
        for (ServerSentEventConnection c : Set.copyOf(clients.keySet())) {
            java.util.function.BooleanSupplier valid = c.getAttachment(VALID);
            boolean ok;
            try {
                ok = valid == null || valid.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) {
                clients.remove(c);
                close(c);
            }
        }
    }

    private void send(ServerSentEventConnection c, StoredTransition t) {
        c.send(payload(t), "alert", Long.toString(t.seq()), null);
    }

    private String payload(StoredTransition t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", t.seq());
        m.put("transition", AlertView.TransitionView.of(t));
        m.put("alert", store.alert(t.row().alertId()).map(AlertView::of).orElse(null));
        try {
            return Json.MAPPER.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException("alert event is plain data and always serialises", e);
        }
    }

    private static String first(Deque<String> values) {
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static OptionalLong parse(String id) {
        if (id == null || id.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long v = Long.parseLong(id.trim());
            return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static void close(ServerSentEventConnection c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // going away anyway
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        for (ServerSentEventConnection c : Set.copyOf(clients.keySet())) {
            try {
                c.shutdown();
            } catch (RuntimeException serverGone) {
                // the server stopped first and took its I/O threads (and the connection) with it
            }
        }
        clients.clear();
    }
}
