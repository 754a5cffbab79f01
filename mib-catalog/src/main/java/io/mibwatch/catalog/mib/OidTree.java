package io.mibwatch.catalog.mib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The named nodes of all loaded modules, by OID and by name. Immutable once built.
 * Several nodes may share an OID (the same object defined in two modules, e.g. RFC1213-MIB and
 * IF-MIB); the first loaded is the one used for translation.
 */
public final class OidTree {

    private final TreeMap<Oid, List<MibNode>> byOid = new TreeMap<>();
    private final Map<String, List<MibNode>> byName = new HashMap<>();
    private final Map<String, MibNode> byQualified = new HashMap<>();
    private final List<MibNode> all;

    public OidTree(List<MibNode> nodes) {
        for (MibNode n : nodes) {
            byOid.computeIfAbsent(n.oid(), k -> new ArrayList<>(1)).add(n);
            byName.computeIfAbsent(n.descriptor(), k -> new ArrayList<>(1)).add(n);
            byQualified.putIfAbsent(n.qualifiedName(), n);
        }
        List<MibNode> sorted = new ArrayList<>(nodes.size());
        byOid.values().forEach(sorted::addAll);
        this.all = Collections.unmodifiableList(sorted);
    }

    /** Every node, sorted by OID (ties in load order). */
    public List<MibNode> nodes() {
        return all;
    }

    public int size() {
        return all.size();
    }

    /** The node at exactly {@code oid}, or empty. */
    public Optional<MibNode> at(Oid oid) {
        List<MibNode> l = byOid.get(oid);
        return l == null ? Optional.empty() : Optional.of(l.get(0));
    }

    /** All nodes named {@code descriptor} (several modules may define the same name). */
    public List<MibNode> named(String descriptor) {
        return byName.getOrDefault(descriptor, List.of());
    }

    /**
     * The node for {@code MODULE::descriptor} or a plain {@code descriptor} (first loaded wins), or empty.
     */
    public Optional<MibNode> find(String name) {
        int sep = name.indexOf("::");
        if (sep >= 0) {
            return Optional.ofNullable(byQualified.get(name));
        }
        List<MibNode> l = byName.get(name);
        return l == null ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The deepest named node whose OID is a prefix of {@code oid}, or empty. */
    public Optional<MibNode> longestPrefix(Oid oid) {
        for (int n = oid.size(); n > 0; n--) {
            List<MibNode> l = byOid.get(oid.prefix(n));
            if (l != null) {
                return Optional.of(l.get(0));
            }
        }
        return Optional.empty();
    }
}
