package io.mibwatch.config;

import java.util.Locale;

/**
 * USM authentication protocols: RFC 3414 (MD5, SHA-1) and RFC 7860 (HMAC-SHA-2).
 * MD5 and SHA-1 are legacy but still what most installed agents speak.
 */
public enum AuthProtocol {
    MD5, SHA, SHA224, SHA256, SHA384, SHA512;

    /** Accepts {@code MD5, SHA, SHA1, SHA-1, SHA-224, SHA224, ...} case-insensitively; null when unknown. */
    public static AuthProtocol parse(String s) {
        if (s == null) return null;
        String k = s.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (k) {
            case "MD5" -> MD5;
            case "SHA", "SHA1" -> SHA;
            case "SHA224" -> SHA224;
            case "SHA256" -> SHA256;
            case "SHA384" -> SHA384;
            case "SHA512" -> SHA512;
            default -> null;
        };
    }
}
