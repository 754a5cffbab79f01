package io.mibwatch.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * JSON in and out of handlers. Instants are written as ISO-8601 strings (RFC 3339), never as
 * epoch numbers, so scripts and people read the same thing. Request bodies are capped so a
 * bad client cannot exhaust memory.
 */
public final class Json {
    /** Largest request body accepted (a complaint or an ack comment is far smaller). */
    public static final int MAX_BODY = 64 * 1024;

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** Sends {@code body} as JSON with {@code status}; the exchange must be blocking (worker thread). */
    public static void send(HttpServerExchange exchange, int status, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + body.getClass().getName(), e);
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(bytes));
    }

    public static void ok(HttpServerExchange exchange, Object body) {
        send(exchange, 200, body);
    }

    /** {@code {"error": message}} with the status. */
    public static void error(HttpServerExchange exchange, int status, String message) {
        send(exchange, status, Map.of("error", message));
    }

    /**
     * Reads the request body as {@code type}. Needs a blocking exchange
     * ({@code exchange.startBlocking()}, done by the server for every route).
     *
     * @throws HttpError 400 naming what was wrong with the body, 413 when it is too large
     */
    public static <T> T read(HttpServerExchange exchange, Class<T> type) {
        try (InputStream in = exchange.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new HttpError(413, "request body larger than " + MAX_BODY + " bytes");
            }
            if (body.length == 0) {
                throw HttpError.badRequest("request body is empty; expected a JSON object");
            }
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("invalid JSON body: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw HttpError.badRequest("cannot read request body: " + e.getMessage());
        }
    }

    /** A path template parameter ({@code {device}}), already URL-decoded by Undertow. */
    public static String pathParam(HttpServerExchange exchange, String name) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        String v = match == null ? null : match.getParameters().get(name);
        if (v == null) {
            throw new IllegalStateException("route has no path parameter {" + name + "}");
        }
        return v;
    }

    /** A query parameter, if given once or more (the first wins). */
    public static Optional<String> query(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
