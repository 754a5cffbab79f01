package io.mibwatch.thresholds.alert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which device sits behind which (child -&gt; parent, e.g. an access switch behind its
 * uplink router). When a parent is unreachable, its descendants' alerts are suppressed: the
 * parent's outage explains them. Cycles are rejected.
 */
public record Dependencies(Map<String, String> parentOf) {

    public static final Dependencies NONE = new Dependencies(Map.of());

    public Dependencies {
        parentOf = Map.copyOf(parentOf);
        for (String start : parentOf.keySet()) {
            Set<String> seen = new LinkedHashSet<>();
            String d = start;
            while (d != null) {
                if (!seen.add(d)) {
                    List<String> path = new ArrayList<>(seen);
                    path.add(d);
                    throw new IllegalArgumentException("device dependencies form a cycle: " + String.join(" -> ", path));
                }
                d = parentOf.get(d);
            }
        }
    }

    /** The nearest ancestor of {@code device} that is in {@code unreachable}, if any. */
    public Optional<String> unreachableAncestor(String device, Set<String> unreachable) {
        String p = parentOf.get(device);
        while (p != null) {
            if (unreachable.contains(p)) {
                return Optional.of(p);
            }
            p = parentOf.get(p);
        }
        return Optional.empty();
    }
}
