package io.mibwatch.thresholds.notify;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The routing table: which channels a notification goes to. Pure; validated against the known channels. */
public final class Router {

    private final List<Route> routes;

    /** Fails naming the route when it refers to a channel that is not configured. */
    public Router(List<Route> routes, Collection<String> channelNames) {
        this.routes = List.copyOf(routes);
        for (Route r : this.routes) {
            for (String ch : r.channels()) {
                if (!channelNames.contains(ch)) {
                    throw new IllegalArgumentException("route '" + r.name() + "' sends to channel '" + ch
                            + "', which is not configured (channels: " + channelNames + ")");
                }
            }
        }
    }

    public List<Route> routes() {
        return routes;
    }

    /** The channels for {@code n}, in route order without repeats; empty when no route matches. */
    public Set<String> channelsFor(Notification n) {
        Set<String> out = new LinkedHashSet<>();
        for (Route r : routes) {
            if (r.matches(n)) {
                out.addAll(r.channels());
                if (!r.continueMatching()) {
                    break;
                }
            }
        }
        return out;
    }
}
