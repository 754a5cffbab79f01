package io.mibwatch.web.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
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

    /** Deepest nesting a request body may have; the bodies the API takes are two levels deep. */
    public static final int MAX_DEPTH = 32;

    public static final ObjectMapper MAPPER = strictScalars(JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // "7" is no integer and 7.5 no whole number of days: refuse instead of guessing
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build());

    private Json() {
    }

    /** A number or a boolean where a string belongs is a client mistake, not a string. */
    private static JsonMapper strictScalars(JsonMapper m) {
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
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
     * Reads the request body as {@code type}, the one place every route's JSON body is parsed.
     * Needs a blocking exchange ({@code exchange.startBlocking()}, done by the server for every
     * route). The body must be a JSON object (RFC 8259 4) whose members have the field's JSON type:
     * {@code null}, an array, a number or a string at the top is refused, and so is a number or a
     * boolean where a string belongs (no silent coercion), so a handler never sees a null body or
     * a value the client did not mean. A missing or null member is left null: required fields are
     * checked by the handler, which names them.
     *
     * @throws HttpError 400 naming the field and what was wrong with it, 413 when the body is too large
     */
    public static <T> T read(HttpServerExchange exchange, Class<T> type) {
        byte[] body;
        try (InputStream in = exchange.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw HttpError.badRequest("cannot read request body: " + e.getMessage());
        }
        if (body.length > MAX_BODY) {
            throw new HttpError(413, "request body larger than " + MAX_BODY + " bytes");
        }
        JsonNode tree;
        try (JsonParser parser = MAPPER.createParser(body)) {
            try {
                tree = MAPPER.readTree(parser);
            } catch (StreamConstraintsException e) {
                throw HttpError.badRequest(tooDeep(parser, type));
            }
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("invalid JSON body: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw HttpError.badRequest("cannot read request body: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw HttpError.badRequest("request body is empty; expected a JSON object" + fieldsOf(type));
        }
        if (!tree.isObject()) {
            throw HttpError.badRequest("request body is " + kind(tree) + "; expected a JSON object" + fieldsOf(type));
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw HttpError.badRequest("unknown field '" + path(e) + "' in the request body; known fields: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
        } catch (MismatchedInputException e) {
            String field = path(e);
            JsonNode got = field.isEmpty() ? tree : tree.at(pointer(e));
            throw HttpError.badRequest((field.isEmpty() ? "request body" : "field '" + field + "'") + ": expected "
                    + expected(e.getTargetType()) + ", got " + kind(got));
        } catch (JsonProcessingException e) {
            String field = path(e);
            throw HttpError.badRequest((field.isEmpty() ? "request body" : "field '" + field + "'") + ": "
                    + e.getOriginalMessage());
        }
    }

    /** Which field of the body nests too deep (from the parser's context when it gave up), for the message. */
    private static String tooDeep(JsonParser parser, Class<?> type) {
        JsonStreamContext outer = null;
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            outer = c;
        }
        if (outer == null || !outer.inObject()) {
            return "request body is " + (outer == null ? "nested" : "an array nested") + " deeper than " + MAX_DEPTH
                    + " levels; expected a JSON object" + fieldsOf(type);
        }
        // the outermost object's current name is the top-level field being read when the parser gave up
        String name = outer.getCurrentName();
        return (name == null ? "request body" : "field '" + name + "'") + " is nested deeper than " + MAX_DEPTH
                + " levels";
    }

    /** The JSON kind of a value, as an error message says it ("null", "an array", "a number"...). */
    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "null";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        return "a string";
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "another JSON type";
        }
        if (target == String.class || target.isEnum()) {
            return "a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == Instant.class) {
            return "an ISO-8601 time such as \"2026-11-21T18:00:00Z\"";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** The field names a record body has, for the message ("with fields a, b"); empty for other types. */
    private static String fieldsOf(Class<?> type) {
        if (!type.isRecord()) {
            return "";
        }
        return " with fields " + String.join(", ",
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    /** Where in the body the problem is, as {@code labels.site} or {@code items[2]}; empty for the body itself. */
    private static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static JsonPointer pointer(JsonMappingException e) {
        JsonPointer p = JsonPointer.empty();
        for (JsonMappingException.Reference r : e.getPath()) {
            p = r.getFieldName() != null ? p.appendProperty(r.getFieldName())
                    : r.getIndex() >= 0 ? p.appendIndex(r.getIndex()) : p;
        }
        return p;
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
