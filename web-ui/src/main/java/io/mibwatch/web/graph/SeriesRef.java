package io.mibwatch.web.graph;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.web.http.HttpError;
import io.mibwatch.web.http.Json;
import io.undertow.server.HttpServerExchange;

/**
 * The series a graph URL names: {@code /api/series/{device}/{group}/{instance}/{metric}}.
 *
 * <p>Each part is one path segment, percent-encoded by the page ({@code encodeURIComponent}), so
 * names are never split on a '/' they contain. A scalar group has the empty instance; an empty
 * path segment is fragile (proxies and servers collapse "//"), so the empty instance travels as
 * {@value #EMPTY_INSTANCE}, a character SeriesId never allows in a name (its names are
 * {@code [A-Za-z0-9_.:-]}), so it cannot collide with a real instance.
 */
public final class SeriesRef {
    /** Stands for the empty instance of a scalar group in URLs. */
    public static final String EMPTY_INSTANCE = "~";

    private SeriesRef() {
    }

    /** The URL segment of an instance. */
    public static String instanceSegment(String instance) {
        return instance.isEmpty() ? EMPTY_INSTANCE : instance;
    }

    /**
     * Reads the series from the path parameters.
     *
     * @throws HttpError 400 naming the part and its value when it is not a valid series name
     */
    public static SeriesId from(HttpServerExchange exchange) {
        String device = Json.pathParam(exchange, "device");
        String group = Json.pathParam(exchange, "group");
        String instance = Json.pathParam(exchange, "instance");
        String metric = Json.pathParam(exchange, "metric");
        return of(device, group, instance, metric);
    }

    /** The series named by URL segments (already percent-decoded). */
    public static SeriesId of(String device, String group, String instanceSegment, String metric) {
        String instance = EMPTY_INSTANCE.equals(instanceSegment) ? "" : instanceSegment;
        try {
            return new SeriesId(device, group, instance, metric);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("series " + device + "/" + group + "/" + instanceSegment + "/" + metric
                    + ": " + e.getMessage());
        }
    }
}
