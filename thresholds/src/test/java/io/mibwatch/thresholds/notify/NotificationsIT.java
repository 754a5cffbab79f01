package io.mibwatch.thresholds.notify;

import static io.mibwatch.thresholds.notify.DispatcherTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mibwatch.config.NotificationsConfig.StartTls;
import io.mibwatch.config.Secret;
import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.notify.DeliveryLogEntry.Outcome;
import io.mibwatch.thresholds.store.AlertRow;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.TransitionRow;
import jakarta.mail.internet.MimeMessage;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end below the evaluator: an alert's life (pending, firing, critical, resolved) written to
 * a real SQLite store with its notifications in the same batches, drained by the running
 * dispatcher to a real HTTP receiver, GreenMail and a UDP syslog listener. Each receiver gets
 * exactly one message per notified transition.
 */
class NotificationsIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void exactlyOneNotificationPerTransitionReachesEveryChannel() throws Exception {
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        ManualClock clock = new ManualClock(t0);
        List<String> syslog = Collections.synchronizedList(new ArrayList<>());
        try (AlertStore store = AlertStore.open(dir.resolve("mibwatch.db"));
             WebhookReceiver rx = new WebhookReceiver();
             DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread listener = new Thread(() -> {
                byte[] buf = new byte[4096];
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        udp.receive(p);
                    } catch (SocketException closed) {
                        return;
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    syslog.add(new String(Arrays.copyOf(p.getData(), p.getLength()), StandardCharsets.UTF_8));
                }
            }, "syslog-listener");
            listener.start();

            List<Channel> channels = List.of(
                    new WebhookChannel(new WebhookChannel.Config("hook", rx.uri(), Optional.of(Secret.of("t0k")),
                            Duration.ofSeconds(5))),
                    new EmailChannel(new EmailChannel.Config("mail", "127.0.0.1", SMTP.getSmtp().getPort(),
                            StartTls.OPPORTUNISTIC, Optional.empty(), Optional.empty(),
                            "mibwatch@nms1.example", List.of("noc@example.org"), Duration.ofSeconds(5))),
                    new SyslogChannel(new SyslogChannel.Config("syslog", "127.0.0.1", udp.getLocalPort(), 16,
                            "nms1")));
            Router router = new Router(List.of(Route.all("all", Severity.WARNING, "hook", "mail", "syslog")),
                    List.of("hook", "mail", "syslog"));
            Dispatcher dispatcher = new Dispatcher(store, router, channels, new Dispatcher.Settings(Backoff.DEFAULT,
                    Duration.ofMillis(100), 50, Duration.ofSeconds(10)), clock);
            dispatcher.start();
            try {
                Map<String, String> labels = Map.of("device", "core1", "metric", "load5");
                AlertRow a = AlertRow.pending("cpu|core1", "cpu-high", "core1", "cpu//load5", Severity.WARNING,
                        OptionalDouble.of(91), t0, labels);
                // pending: recorded, not notified
                store.apply(List.of(tr(a, AlertState.INACTIVE, AlertState.PENDING, Severity.WARNING, t0)),
                        List.of(a), List.of());
                Instant t1 = t0.plus(Duration.ofMinutes(5));
                a = a.withState(AlertState.FIRING, t1);
                step(store, dispatcher, a, tr(a, AlertState.PENDING, AlertState.FIRING, Severity.WARNING, t1),
                        note("n1", NotificationKind.FIRING, Severity.WARNING, t1, labels));
                Instant t2 = t1.plus(Duration.ofMinutes(2));
                a = a.withSeverity(Severity.CRITICAL, OptionalDouble.of(97));
                step(store, dispatcher, a, tr(a, AlertState.FIRING, AlertState.FIRING, Severity.CRITICAL, t2),
                        note("n2", NotificationKind.SEVERITY_CHANGED, Severity.CRITICAL, t2, labels));
                Instant t3 = t2.plus(Duration.ofMinutes(10));
                a = a.withState(AlertState.RESOLVED, t3);
                step(store, dispatcher, a, tr(a, AlertState.FIRING, AlertState.RESOLVED, Severity.CRITICAL, t3),
                        note("n3", NotificationKind.RESOLVED, Severity.CRITICAL, t3, labels));

                await(() -> store.unrouted(10).isEmpty() && store.pending().isEmpty() && syslog.size() >= 3);
            } finally {
                dispatcher.close();
                udp.close();
                listener.join(5000);
            }

            assertEquals(4, store.history("cpu|core1").size());
            assertEquals(List.of(), store.activeAlerts());
            assertEquals(List.of("n1", "n2", "n3"),
                    rx.delivered().stream().map(r -> r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).toList());
            MimeMessage[] mails = SMTP.getReceivedMessages();
            assertEquals(List.of("n1", "n2", "n3"), Arrays.stream(mails).map(NotificationsIT::mailId).toList());
            assertEquals(List.of("FIRING", "SEVERITY_CHANGED", "RESOLVED"),
                    syslog.stream().map(m -> m.split(" ")[5]).toList());
            for (String id : List.of("n1", "n2", "n3")) {
                List<DeliveryLogEntry> log = store.log(id);
                assertEquals(3, log.size(), id + ": " + log);
                log.forEach(e -> assertEquals(Outcome.DELIVERED, e.outcome(), id + ": " + e));
            }
        }
    }

    private static void step(AlertStore store, Dispatcher d, AlertRow a, TransitionRow t, Notification n) {
        store.apply(List.of(t), List.of(a), List.of(n));
        d.wake();
    }

    private static TransitionRow tr(AlertRow a, AlertState from, AlertState to, Severity s, Instant at) {
        return new TransitionRow(a.id(), from, to, s, at, a.value(), "load5 vs 90");
    }

    private static Notification note(String id, NotificationKind kind, Severity s, Instant at, Map<String, String> labels) {
        return new Notification(id, "cpu|core1", kind, s, "core1 load5 " + kind, "cpu-high", labels, at);
    }

    private static String mailId(MimeMessage m) {
        try {
            return m.getHeader("X-Mibwatch-Notification")[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
