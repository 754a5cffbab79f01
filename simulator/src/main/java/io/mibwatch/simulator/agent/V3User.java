package io.mibwatch.simulator.agent;

import java.util.Objects;

/**
 * The one SNMPv3 USM user the simulator knows (for tests of v3 pollers): authPriv with
 * HMAC-SHA-96 (RFC 3414 section 7) and AES-128-CFB (RFC 3826). Pass phrases never print.
 */
public record V3User(String name, String authPass, String privPass) {
    public V3User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authPass, "authPass");
        Objects.requireNonNull(privPass, "privPass");
        // RFC 3414 section 11.2: pass phrases shorter than 8 octets are not allowed (net-snmp refuses them too)
        if (authPass.length() < 8) throw new IllegalArgumentException("v3 auth pass phrase of user " + name + " is shorter than 8 characters");
        if (privPass.length() < 8) throw new IllegalArgumentException("v3 priv pass phrase of user " + name + " is shorter than 8 characters");
    }

    @Override
    public String toString() {
        return "V3User[" + name + ", SHA/AES-128, <secret>]";
    }
}
