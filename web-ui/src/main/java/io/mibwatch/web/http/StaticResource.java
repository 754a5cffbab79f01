package io.mibwatch.web.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Serves one file from {@code io/mibwatch/web/static/} on the classpath. Assets ship inside the
 * jar (the appliance may have no internet, so no CDN); they are read once and kept.
 */
public final class StaticResource implements HttpHandler {
    public static final String ROOT = "io/mibwatch/web/static/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8",
            "webmanifest", "application/manifest+json");

    private final String name;
    private final byte[] bytes;
    private final String type;

    public StaticResource(String name) {
        if (name.contains("..") || name.startsWith("/")) {
            throw new IllegalArgumentException("static resource name must be relative: " + name);
        }
        // Only files of a known type are assets: the class loader also opens directories ("js/",
        // "css"), as an empty or listing stream, which must be a 404, not an empty 200.
        String file = name.substring(name.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        this.type = dot <= 0 ? null : TYPES.get(file.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new IllegalArgumentException("not a static asset (a file of type " + new TreeSet<>(TYPES.keySet())
                    + "): " + name);
        }
        this.name = name;
        try (InputStream in = StaticResource.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no static resource " + ROOT + name + " on the classpath");
            }
            this.bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read static resource " + ROOT + name, e);
        }
    }

    public String name() {
        return name;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        // pages must revalidate (they change with releases); assets too, cheap on a LAN appliance
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }
}
