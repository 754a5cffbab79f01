package io.mibwatch.web.http;

import io.undertow.server.HttpHandler;
import java.util.Locale;
import java.util.Objects;

/**
 * One endpoint: method, Undertow path template ({@code /api/devices/{device}}), the access it needs
 * and the handler. Path parameters are read with {@link Json#pathParam}.
 *
 * @param method   GET, POST, PUT or DELETE; any method other than GET/HEAD is state-changing and
 *                 the server requires a CSRF token on it (session callers) before the handler runs
 * @param template Undertow path template
 * @param access   who may call it
 * @param handler  runs on a worker thread (blocking allowed: SQLite, RRD reads)
 */
public record Route(String method, String template, Access access, HttpHandler handler) {
    public Route {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("route template must start with '/': " + template);
        }
    }

    public static Route get(String template, Access access, HttpHandler handler) {
        return new Route("GET", template, access, handler);
    }

    public static Route post(String template, Access access, HttpHandler handler) {
        return new Route("POST", template, access, handler);
    }

    public static Route put(String template, Access access, HttpHandler handler) {
        return new Route("PUT", template, access, handler);
    }

    public static Route delete(String template, Access access, HttpHandler handler) {
        return new Route("DELETE", template, access, handler);
    }

    /**
     * An HTML page from the classpath ({@code io/mibwatch/web/static/NAME}). Pages are static:
     * they carry no data and no inline script (the CSP forbids it); their ES modules fetch
     * the JSON API, so device-supplied strings only ever reach the DOM through textContent.
     */
    public static Route page(String template, Access access, String resourceName) {
        return new Route("GET", template, access, new StaticResource(resourceName));
    }

    /** Whether this route changes state (needs a CSRF token from session callers). */
    public boolean stateChanging() {
        return !method.equals("GET") && !method.equals("HEAD");
    }
}
