package io.mibwatch.web.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;

/**
 * Headers on every answer, pages, API, errors and assets alike.
 * <ul>
 * <li>CSP (W3C Content Security Policy Level 3): scripts, styles, images and connections only from
 *     this server, no inline script or style, no plugins, no framing ({@code frame-ancestors 'none'}
 *     is the CSP form of clickjacking protection), forms post only here.</li>
 * <li>{@code X-Frame-Options: DENY} for browsers older than CSP 2 (RFC 7034).</li>
 * <li>{@code X-Content-Type-Options: nosniff}: a device string served as JSON is never sniffed as HTML.</li>
 * <li>{@code Referrer-Policy: same-origin}: URLs with device names do not leak to other sites. Not
 *     {@code no-referrer}: with it browsers send {@code Origin: null} on same-site form posts
 *     (Fetch standard, "serializing a request origin"), which the Origin check must refuse.</li>
 * <li>HSTS (RFC 6797) only over HTTPS, where it means something.</li>
 * </ul>
 */
public final class SecurityHeaders {
    public static final String CSP = "default-src 'self'; base-uri 'none'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";
    public static final String REFERRER_POLICY = "same-origin";

    private SecurityHeaders() {
    }

    public static void apply(HttpServerExchange exchange) {
        HeaderMap h = exchange.getResponseHeaders();
        h.put(HttpString.tryFromString("Content-Security-Policy"), CSP);
        h.put(HttpString.tryFromString("X-Content-Type-Options"), "nosniff");
        h.put(HttpString.tryFromString("X-Frame-Options"), "DENY");
        h.put(HttpString.tryFromString("Referrer-Policy"), REFERRER_POLICY);
        h.put(HttpString.tryFromString("Cross-Origin-Opener-Policy"), "same-origin");
        if ("https".equals(exchange.getRequestScheme())) {
            h.put(HttpString.tryFromString("Strict-Transport-Security"), "max-age=31536000");
        }
    }
}
