package io.mibwatch.catalog.mib;

import java.util.Optional;

/**
 * Names to OIDs and back, the way {@code snmptranslate} does: {@code IF-MIB::ifHCInOctets.3} or
 * {@code ifHCInOctets.3} to {@code 1.3.6.1.2.1.31.1.1.1.6.3}, and an OID to the deepest named node
 * that is its prefix plus the remaining arcs as the instance suffix.
 */
public final class Translator {

    private final OidTree tree;

    public Translator(OidTree tree) {
        this.tree = tree;
    }

    /**
     * Dotted OIDs pass through; names resolve with an optional numeric suffix.
     *
     * @throws IllegalArgumentException naming the input when the name is unknown or the suffix is not numeric
     */
    public Oid toOid(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty name");
        }
        if (Character.isDigit(s.charAt(0)) || s.charAt(0) == '.') {
            return Oid.parse(s);
        }
        int sep = s.indexOf("::");
        int dot = s.indexOf('.', sep < 0 ? 0 : sep + 2);
        String name = dot < 0 ? s : s.substring(0, dot);
        MibNode node = tree.find(name).orElseThrow(() -> new IllegalArgumentException("unknown MIB name '" + name
                + "' in '" + text + "'"));
        if (dot < 0) {
            return node.oid();
        }
        Oid suffix;
        try {
            suffix = Oid.parse(s.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("instance suffix of '" + text + "' is not dotted decimal");
        }
        Oid oid = node.oid();
        for (int i = 0; i < suffix.size(); i++) {
            oid = oid.child(suffix.arc(i));
        }
        return oid;
    }

    /** {@code MODULE::descriptor[.suffix]}, or the dotted OID when no prefix of it is named. */
    public String toName(Oid oid) {
        Optional<MibNode> n = tree.longestPrefix(oid);
        if (n.isEmpty()) {
            return oid.toString();
        }
        MibNode node = n.get();
        return node.oid().size() == oid.size() ? node.qualifiedName()
                : node.qualifiedName() + "." + oid.suffix(node.oid().size());
    }

    /** The named node {@code oid} is an instance of (longest prefix), if any. */
    public Optional<MibNode> nodeOf(Oid oid) {
        return tree.longestPrefix(oid);
    }
}
