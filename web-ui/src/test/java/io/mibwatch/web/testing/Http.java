package io.mibwatch.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.web.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A plain HTTP client for API tests: anonymous, with a session (cookie jar + the session's CSRF
 * token sent on state-changing calls) or with a bearer token. Redirects are not followed, so tests
 * see them.
 */
public final class Http {
    private final URI base;
    private final HttpClient client;
    private final String csrf;
    private final String bearer;

    private Http(URI base, HttpClient client, String csrf, String bearer) {
        this.base = base;
        this.client = client;
        this.csrf = csrf;
        this.bearer = bearer;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static Http anonymous(URI base) {
        return new Http(base, newClient(), null, null);
    }

    public static Http bearer(URI base, String token) {
        return new Http(base, newClient(), null, token);
    }

    /** Logs in with the JSON form of POST /login and keeps the cookie and CSRF token. */
    public static Http login(URI base, String user, String password) {
        Http anon = anonymous(base);
        HttpResponse<String> r = anon.send("POST", "/login",
                Json.MAPPER.valueToTree(Map.of("user", user, "password", password)).toString(), Map.of());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login as " + user + " failed: " + r.statusCode() + " " + r.body());
        }
        return new Http(base, anon.client, json(r).get("csrf").asText(), null);
    }

    public String csrf() {
        return csrf;
    }

    public URI base() {
        return base;
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, Map.of());
    }

    public HttpResponse<String> post(String path, String jsonBody) {
        return send("POST", path, jsonBody, Map.of());
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Sends with the session's CSRF token (when logged in) unless {@code headers} says otherwise. */
    public HttpResponse<String> send(String method, String path, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        if (csrf != null && !method.equals("GET") && !headers.containsKey("X-CSRF-Token")) {
            b.header("X-CSRF-Token", csrf);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach((k, v) -> {
            if (v != null) {
                b.header(k, v);
            }
        });
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sends without any CSRF header (to test that it is refused). */
    public HttpResponse<String> sendWithoutCsrf(String method, String path, String jsonBody) {
        Http noToken = new Http(base, client, null, bearer);
        return noToken.send(method, path, jsonBody, Map.of());
    }

    public static JsonNode json(HttpResponse<String> r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }
}
