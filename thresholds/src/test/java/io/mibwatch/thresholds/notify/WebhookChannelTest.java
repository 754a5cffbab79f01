package io.mibwatch.thresholds.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mibwatch.config.Secret;
import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookChannelTest {

    private static final Notification N = new Notification("n-1", "cpu|core1", NotificationKind.FIRING, Severity.CRITICAL,
            "core1 cpu 93%", "load5 93 > 90\n\"quoted\"", Map.of("device", "core1", "metric", "load5"),
            Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void postsTheNotificationAsJsonWithTheBearerToken() throws Exception {
        try (WebhookReceiver rx = new WebhookReceiver()) {
            WebhookChannel ch = new WebhookChannel(new WebhookChannel.Config("noc", rx.uri(),
                    Optional.of(Secret.of("tok-s3cr3t")), Duration.ofSeconds(5)));
            ch.send(N);
            assertEquals(1, rx.requests().size());
            WebhookReceiver.Request r = rx.requests().get(0);
            assertEquals("Bearer tok-s3cr3t", r.authorization());
            assertEquals("application/json; charset=utf-8", r.contentType());
            JsonNode json = new ObjectMapper().readTree(r.body());
            assertEquals("n-1", json.get("id").asText());
            assertEquals("cpu|core1", json.get("alertId").asText());
            assertEquals("FIRING", json.get("kind").asText());
            assertEquals("CRITICAL", json.get("severity").asText());
            assertEquals("core1 cpu 93%", json.get("title").asText());
            assertEquals("load5 93 > 90\n\"quoted\"", json.get("body").asText());
            assertEquals("core1", json.get("labels").get("device").asText());
            assertEquals("2026-03-01T10:00:00Z", json.get("at").asText());
        }
    }

    @Test
    void aNon2xxAnswerIsAFailureThatNamesTheUrlButNotTheToken() throws Exception {
        try (WebhookReceiver rx = new WebhookReceiver(503)) {
            URI withQuery = URI.create(rx.uri() + "?token=q-secret");
            WebhookChannel ch = new WebhookChannel(new WebhookChannel.Config("noc", withQuery,
                    Optional.of(Secret.of("tok-s3cr3t")), Duration.ofSeconds(5)));
            DeliveryException e = assertThrows(DeliveryException.class, () -> ch.send(N));
            assertEquals("webhook noc POST " + rx.uri() + ": HTTP 503", e.getMessage());
            assertFalse(e.getMessage().contains("s3cr3t") || e.getMessage().contains("q-secret"));
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerTimesOut() throws Exception {
        try (WebhookReceiver rx = new WebhookReceiver()) {
            rx.hang();
            WebhookChannel ch = new WebhookChannel(new WebhookChannel.Config("noc", rx.uri(), Optional.empty(),
                    Duration.ofMillis(300)));
            DeliveryException e = assertThrows(DeliveryException.class, () -> ch.send(N));
            assertEquals("webhook noc POST " + rx.uri() + ": no answer within PT0.3S", e.getMessage());
        }
    }

    @Test
    void aClosedPortIsAConnectionFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        WebhookChannel ch = new WebhookChannel(new WebhookChannel.Config("noc",
                URI.create("http://127.0.0.1:" + port + "/hook"), Optional.empty(), Duration.ofSeconds(2)));
        DeliveryException e = assertThrows(DeliveryException.class, () -> ch.send(N));
        assertTrue(e.getMessage().startsWith("webhook noc POST http://127.0.0.1:" + port + "/hook: ConnectException"),
                e.getMessage());
    }

    @Test
    void rejectsANonHttpUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WebhookChannel.Config(
                "noc", URI.create("ftp://user:pw@host/x"), Optional.empty(), Duration.ofSeconds(1)));
        assertEquals("webhook channel 'noc': url ftp://host/x must be an absolute http:// or https:// URL",
                e.getMessage());
    }
}
