package io.mibwatch.thresholds.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mibwatch.config.NotificationsConfig.StartTls;
import io.mibwatch.config.Secret;
import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.thresholds.notify.DeliveryLogEntry.Outcome;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.AlertStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher over a real SQLite outbox, a real HTTP receiver and GreenMail. */
class DispatcherTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(5), 4);
    private static final Dispatcher.Settings SETTINGS = new Dispatcher.Settings(BACKOFF, Duration.ofMillis(50), 50,
            Duration.ofSeconds(5));

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    java.nio.file.Path dir;

    private final ManualClock clock = new ManualClock(T0);

    private static Notification n(String id, Severity s) {
        return new Notification(id, "cpu|core1", NotificationKind.FIRING, s, "core1 cpu", "93 > 90", Map.of("device", "core1"), T0);
    }

    private static WebhookChannel webhook(WebhookReceiver rx) {
        return webhook(rx, Duration.ofSeconds(5));
    }

    private static WebhookChannel webhook(WebhookReceiver rx, Duration timeout) {
        return new WebhookChannel(new WebhookChannel.Config("hook", rx.uri(), Optional.of(Secret.of("tok-9f8e")),
                timeout));
    }

    private static EmailChannel email() {
        return new EmailChannel(new EmailChannel.Config("mail", "127.0.0.1", SMTP.getSmtp().getPort(),
                StartTls.OFF, Optional.empty(), Optional.empty(), "mibwatch@nms1.example",
                List.of("noc@example.org"), Duration.ofSeconds(5)));
    }

    private static Router everything(String... channels) {
        return new Router(List.of(Route.all("all", Severity.INFO, channels)), List.of(channels));
    }

    @Test
    void retriesWithExponentialBackoffUntilTheReceiverAccepts() throws Exception {
        try (AlertStore store = AlertStore.open(dir.resolve("m.db")); WebhookReceiver rx = new WebhookReceiver(500, 502)) {
            store.apply(List.of(), List.of(), List.of(n("n-1", Severity.CRITICAL)));
            Dispatcher d = new Dispatcher(store, everything("hook"), List.of(webhook(rx)), SETTINGS, clock);

            assertEquals(1, d.drainOnce());                 // attempt 1 at T0: 500
            assertEquals(0, d.drainOnce(), "not due before T0+10s");
            clock.advance(Duration.ofSeconds(10));
            assertEquals(1, d.drainOnce());                 // attempt 2 at T0+10s: 502
            clock.advance(Duration.ofSeconds(19));
            assertEquals(0, d.drainOnce(), "not due before T0+30s");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(1, d.drainOnce());                 // attempt 3 at T0+30s: 200
            clock.advance(Duration.ofHours(1));
            assertEquals(0, d.drainOnce(), "nothing left");

            assertEquals(List.of(500, 502, 200), rx.requests().stream().map(WebhookReceiver.Request::answeredWith).toList());
            assertEquals(1, rx.delivered().size());
            String url = rx.uri().toString();
            assertEquals(List.of(
                    new DeliveryLogEntry("n-1", "hook", 1, T0, Outcome.FAILED, "webhook hook POST " + url + ": HTTP 500"),
                    new DeliveryLogEntry("n-1", "hook", 2, T0.plusSeconds(10), Outcome.FAILED,
                            "webhook hook POST " + url + ": HTTP 502"),
                    new DeliveryLogEntry("n-1", "hook", 3, T0.plusSeconds(30), Outcome.DELIVERED, "")),
                    store.log("n-1"));
        }
    }

    @Test
    void aDeliveryWhoseOutcomeCannotBeRecordedOnAFullDiskIsNotSentAgainEverySecond() throws Exception {
        try (AlertStore store = AlertStore.open(dir.resolve("m.db")); WebhookReceiver rx = new WebhookReceiver()) {
            store.apply(List.of(), List.of(), List.of(n("n-1", Severity.CRITICAL)));
            AtomicBoolean full = new AtomicBoolean();
            Outbox outbox = new Outbox() {   // the store, but recording an outcome fails while the disk is full
                @Override
                public List<Notification> unrouted(int limit) {
                    return store.unrouted(limit);
                }

                @Override
                public void route(String id, Set<String> channels, Instant at) {
                    store.route(id, channels, at);
                }

                @Override
                public List<Delivery> due(String channel, Instant now, int limit) {
                    return store.due(channel, now, limit);
                }

                @Override
                public List<Delivery> pending() {
                    return store.pending();
                }

                @Override
                public void markDelivered(long id, Instant at) {
                    if (full.get()) {
                        throw new AlertStoreException("event store m.db: cannot update delivery " + id
                                + " (nothing of it was stored): disk full", null, true);
                    }
                    store.markDelivered(id, at);
                }

                @Override
                public void markFailed(long id, String error, Instant at, Instant next) {
                    store.markFailed(id, error, at, next);
                }

                @Override
                public void giveUp(long id, String error, Instant at) {
                    store.giveUp(id, error, at);
                }

                @Override
                public List<DeliveryLogEntry> log(String id) {
                    return store.log(id);
                }
            };
            Dispatcher d = new Dispatcher(outbox, everything("hook"), List.of(webhook(rx)), SETTINGS, clock);
            full.set(true);
            for (int i = 0; i < 5; i++) {   // the lane's passes, one a second, while the disk is full
                assertThrows(AlertStoreException.class, d::drainOnce);
                clock.advance(Duration.ofSeconds(1));
            }
            full.set(false);
            d.drainOnce();
            assertEquals(1, rx.requests().size(), "sent once, however often recording it failed");
            assertEquals(List.of(new DeliveryLogEntry("n-1", "hook", 1, T0, Outcome.DELIVERED, "")), store.log("n-1"),
                    "recorded as delivered when it was sent");
            assertEquals(List.of(), store.pending());
        }
    }

    @Test
    void givesUpAfterTheLastAttemptAndNeverStoresASecret() {
        Secret token = Secret.of("tok-LEAK-42");
        Channel leaky = new Channel() {   // a broken channel whose errors quote its own token
            @Override
            public String name() {
                return "leaky";
            }

            @Override
            public void send(Notification n) throws DeliveryException {
                throw new DeliveryException("401 for Authorization: Bearer " + token.reveal());
            }

            @Override
            public List<Secret> secrets() {
                return List.of(token);
            }
        };
        try (AlertStore store = AlertStore.open(dir.resolve("m.db"))) {
            store.apply(List.of(), List.of(), List.of(n("n-1", Severity.WARNING)));
            Dispatcher d = new Dispatcher(store, everything("leaky"), List.of(leaky), SETTINGS, clock);
            for (int i = 0; i < 6; i++) {
                d.drainOnce();
                clock.advance(Duration.ofMinutes(5));
            }
            List<DeliveryLogEntry> log = store.log("n-1");
            assertEquals(List.of(Outcome.FAILED, Outcome.FAILED, Outcome.FAILED, Outcome.GAVE_UP),
                    log.stream().map(DeliveryLogEntry::outcome).toList());
            for (DeliveryLogEntry e : log) {
                assertEquals("401 for Authorization: Bearer <secret>", e.detail());
            }
            assertEquals(List.of(), store.pending());
        }
    }

    @Test
    void aHangingChannelDoesNotHoldUpTheOthersNorTheWriter() throws Exception {
        try (AlertStore store = AlertStore.open(dir.resolve("m.db")); WebhookReceiver rx = new WebhookReceiver()) {
            rx.hang();
            // the webhook's timeout outlasts the test: its lane stays stuck in send() until released
            Dispatcher d = new Dispatcher(store, everything("hook", "mail"),
                    List.of(webhook(rx, Duration.ofSeconds(55)), email()),
                    SETTINGS, clock);
            d.start();
            try {
                store.apply(List.of(), List.of(), List.of(n("n-1", Severity.CRITICAL)));
                d.wake();
                await(() -> rx.requests().isEmpty() && SMTP.getReceivedMessages().length == 1
                        && pendingOn(store, "hook") == 1 && pendingOn(store, "mail") == 0);
                // the webhook lane is stuck in its send; the writer still commits and email still flows
                store.apply(List.of(), List.of(), List.of(n("n-2", Severity.CRITICAL)));
                d.wake();
                await(() -> SMTP.getReceivedMessages().length == 2);
                assertTrue(rx.requests().isEmpty(), "the webhook is still hanging");
                rx.release();
                await(() -> store.pending().isEmpty());
                assertEquals(2, rx.delivered().size());
                assertEquals(2, SMTP.getReceivedMessages().length);
            } finally {
                d.close();
            }
        }
    }

    @Test
    void notificationsPendingAtShutdownAreDeliveredAfterRestart() throws Exception {
        java.nio.file.Path db = dir.resolve("m.db");
        try (WebhookReceiver rx = new WebhookReceiver(503)) {
            try (AlertStore store = AlertStore.open(db)) {
                store.apply(List.of(), List.of(), List.of(n("failed-once", Severity.CRITICAL)));
                new Dispatcher(store, everything("hook"), List.of(webhook(rx)), SETTINGS, clock).drainOnce();
                // shut down before the next notification was even routed
                store.apply(List.of(), List.of(), List.of(n("never-tried", Severity.CRITICAL)));
            }
            assertEquals(1, rx.requests().size());
            clock.advance(Duration.ofMinutes(1));
            try (AlertStore store = AlertStore.open(db)) {
                Dispatcher d = new Dispatcher(store, everything("hook"), List.of(webhook(rx)), SETTINGS, clock);
                d.start();
                try {
                    await(() -> store.pending().isEmpty() && store.unrouted(10).isEmpty());
                } finally {
                    d.close();
                }
            }
            assertEquals(List.of("failed-once", "never-tried"), rx.delivered().stream()
                    .map(r -> r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).sorted().toList());
        }
    }

    @Test
    void anUnroutedNotificationIsLoggedAndNotSent() throws Exception {
        try (AlertStore store = AlertStore.open(dir.resolve("m.db")); WebhookReceiver rx = new WebhookReceiver()) {
            store.apply(List.of(), List.of(), List.of(n("info-1", Severity.INFO)));
            Router criticalOnly = new Router(List.of(Route.all("crit", Severity.CRITICAL, "hook")), List.of("hook"));
            assertEquals(0, new Dispatcher(store, criticalOnly, List.of(webhook(rx)), SETTINGS, clock).drainOnce());
            assertEquals(List.of(new DeliveryLogEntry("info-1", "", 0, T0, Outcome.UNROUTED, "no route matched")),
                    store.log("info-1"));
            assertTrue(rx.requests().isEmpty());
            assertFalse(store.log("info-1").isEmpty());
        }
    }

    static long pendingOn(AlertStore store, String channel) {
        return store.pending().stream().filter(p -> p.channel().equals(channel)).count();
    }

    /** Waits for a condition the dispatcher threads bring about; fails after 30 s (not a timing assert). */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached within 30 s");
            Thread.sleep(10);
        }
    }
}
