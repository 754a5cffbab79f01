package io.mibwatch.catalog.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A kind of device and the metric groups it is polled with.
 *
 * @param sysObjectIdPrefixes dotted OID prefixes of SNMPv2-MIB sysObjectID (RFC 3418); empty
 *                            only for the default profile
 * @param sysDescr            if present, must also be found in sysDescr (to tell apart products
 *                            that share an OID prefix)
 * @param groups              metric group names, in catalog order
 */
public record DeviceProfile(String name, String description, List<String> sysObjectIdPrefixes,
                            Optional<Pattern> sysDescr, List<String> groups) {
    public DeviceProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sysDescr, "sysDescr");
        sysObjectIdPrefixes = List.copyOf(sysObjectIdPrefixes);
        groups = List.copyOf(groups);
    }

    /**
     * Length in arcs of the longest prefix that {@code sysObjectId} starts with (whole arcs:
     * 1.3.6.1.4.1.9 does not match 1.3.6.1.4.1.99), or -1 if none does or the sysDescr
     * pattern does not match.
     */
    public int matchLength(String sysObjectId, String sysDescrText) {
        String oid = sysObjectId.startsWith(".") ? sysObjectId.substring(1) : sysObjectId;
        int best = -1;
        for (String p : sysObjectIdPrefixes) {
            if (oid.equals(p) || oid.startsWith(p + ".")) {
                best = Math.max(best, p.split("\\.").length);
            }
        }
        if (best >= 0 && sysDescr.isPresent() && !sysDescr.get().matcher(sysDescrText).find()) {
            return -1;
        }
        return best;
    }
}
