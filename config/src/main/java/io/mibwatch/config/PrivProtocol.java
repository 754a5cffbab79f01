package io.mibwatch.config;

import java.util.Locale;

/** USM privacy protocols: DES (RFC 3414), AES-128 (RFC 3826), AES-192/256 (draft-blumenthal, as net-snmp/Cisco). */
public enum PrivProtocol {
    DES, AES128, AES192, AES256;

    /** Accepts {@code DES, AES, AES128, AES-128, AES192, AES256} case-insensitively; null when unknown. */
    public static PrivProtocol parse(String s) {
        if (s == null) return null;
        String k = s.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (k) {
            case "DES" -> DES;
            case "AES", "AES128" -> AES128;
            case "AES192" -> AES192;
            case "AES256" -> AES256;
            default -> null;
        };
    }
}
