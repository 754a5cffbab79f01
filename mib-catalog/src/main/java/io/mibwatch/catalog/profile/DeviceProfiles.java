package io.mibwatch.catalog.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The catalog's device profiles; chooses one per device. Immutable. */
public final class DeviceProfiles {

    /** The profile of devices no other profile matches. */
    public static final String DEFAULT = "default";

    private final List<DeviceProfile> profiles;
    private final DeviceProfile fallback;

    public DeviceProfiles(List<DeviceProfile> profiles) {
        this.profiles = List.copyOf(profiles);
        this.fallback = this.profiles.stream().filter(p -> p.name().equals(DEFAULT)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the profiles need one named '" + DEFAULT + "'"));
    }

    /**
     * The profile whose sysObjectID prefix is the longest one matching (and whose sysDescr
     * pattern, if any, matches), else the default profile. Ties keep the earlier profile.
     */
    public DeviceProfile match(String sysObjectId, String sysDescr) {
        Objects.requireNonNull(sysObjectId, "sysObjectId");
        Objects.requireNonNull(sysDescr, "sysDescr");
        DeviceProfile best = fallback;
        int bestLength = -1;
        for (DeviceProfile p : profiles) {
            int n = p.matchLength(sysObjectId, sysDescr);
            if (n > bestLength) {
                best = p;
                bestLength = n;
            }
        }
        return best;
    }

    public Optional<DeviceProfile> byName(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<DeviceProfile> all() {
        return profiles;
    }
}
