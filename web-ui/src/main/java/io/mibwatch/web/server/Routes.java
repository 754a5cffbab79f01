package io.mibwatch.web.server;

import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.WebFeature;
import io.undertow.util.PathTemplateMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The routing table: Undertow path templates, then the method. Built once; read by many threads. */
final class Routes {
    private final PathTemplateMatcher<Map<String, Route>> matcher = new PathTemplateMatcher<>();
    private final List<Route> all;

    /** What a path resolved to: the route for the method, or the methods it does allow. */
    record Match(Optional<Route> route, Set<String> allowed, Map<String, String> parameters, String template) {
    }

    Routes(List<WebFeature> features) {
        Map<String, Map<String, Route>> byTemplate = new LinkedHashMap<>();
        for (WebFeature f : features) {
            for (Route r : f.routes()) {
                Map<String, Route> methods = byTemplate.computeIfAbsent(r.template(), t -> new LinkedHashMap<>());
                Route before = methods.putIfAbsent(r.method(), r);
                if (before != null) {
                    throw new IllegalArgumentException("two routes for " + r.method() + " " + r.template()
                            + " (feature " + f.getClass().getSimpleName() + ")");
                }
            }
        }
        for (Map.Entry<String, Map<String, Route>> e : byTemplate.entrySet()) {
            try {
                matcher.add(e.getKey(), Map.copyOf(e.getValue()));
            } catch (IllegalStateException clash) {
                throw new IllegalArgumentException("route template " + e.getKey() + " clashes with another: "
                        + clash.getMessage(), clash);
            }
        }
        this.all = byTemplate.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    List<Route> all() {
        return all;
    }

    Optional<Match> match(String path, String method) {
        PathTemplateMatcher.PathMatchResult<Map<String, Route>> m = matcher.match(path);
        if (m == null) {
            return Optional.empty();
        }
        Map<String, Route> methods = m.getValue();
        Route r = methods.get(method);
        if (r == null && method.equals("HEAD")) {
            r = methods.get("GET");
        }
        return Optional.of(new Match(Optional.ofNullable(r), new TreeSet<>(methods.keySet()), m.getParameters(),
                m.getMatchedTemplate()));
    }
}
