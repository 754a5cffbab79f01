package io.mibwatch.thresholds.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mibwatch.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * POSTs each notification as one JSON object:
 * <pre>{"id":"...","alertId":"...","kind":"FIRING","severity":"CRITICAL","title":"...","body":"...",
 *  "labels":{"device":"core1",...},"at":"2026-03-01T10:00:00Z"}</pre>
 * Any 2xx is success (RFC 9110 §15.3); everything else, a timeout or a connection error is a
 * failure the dispatcher retries with backoff. Receivers de-duplicate on {@code id}
 * (delivery is at-least-once). The bearer token goes in {@code Authorization} (RFC 6750 §2.1)
 * and nowhere else; errors show the URL without user-info and query, where tokens sometimes hide.
 */
public final class WebhookChannel implements Channel {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param name        channel name
     * @param url         http or https URL
     * @param bearerToken optional token
     * @param timeout     connect timeout and whole-request timeout
     */
    public record Config(String name, URI url, Optional<Secret> bearerToken, Duration timeout) {
        public Config {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(bearerToken, "bearerToken");
            Objects.requireNonNull(timeout, "timeout");
            String scheme = url.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
                throw new IllegalArgumentException("webhook channel '" + name + "': url " + safe(url)
                        + " must be an absolute http:// or https:// URL");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("webhook channel '" + name + "': timeout must be positive, got "
                        + timeout);
            }
        }
    }

    private final Config config;
    private final HttpClient http;

    public WebhookChannel(Config config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public List<Secret> secrets() {
        return config.bearerToken().map(List::of).orElse(List.of());
    }

    @Override
    public void send(Notification n) throws DeliveryException {
        HttpRequest.Builder req = HttpRequest.newBuilder(config.url()).timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "mibwatch")
                .POST(HttpRequest.BodyPublishers.ofString(json(n)));
        config.bearerToken().ifPresent(t -> req.header("Authorization", "Bearer " + t.reveal()));
        String where = "webhook " + name() + " POST " + safe(config.url());
        HttpResponse<Void> resp;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException(where + ": no answer within " + config.timeout());
        } catch (IOException e) {
            throw new DeliveryException(where + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(where + ": interrupted");
        }
        if (resp.statusCode() / 100 != 2) {
            throw new DeliveryException(where + ": HTTP " + resp.statusCode());
        }
    }

    /** The JSON document sent for {@code n}. */
    public static String json(Notification n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", n.id());
        o.put("alertId", n.alertId());
        o.put("kind", n.kind().name());
        o.put("severity", n.severity().name());
        o.put("title", n.title());
        o.put("body", n.body());
        ObjectNode labels = o.putObject("labels");
        n.sortedLabels().forEach(labels::put);
        o.put("at", n.at().toString());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /** scheme://host:port/path: no user-info, no query, no fragment. */
    static String safe(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }
}
