package io.mibwatch.config;

/** SNMP protocol version as written in the config ({@code v1}, {@code v2c}, {@code v3}). */
public enum SnmpVersion {
    V1("v1"), V2C("v2c"), V3("v3");

    private final String text;

    SnmpVersion(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Parses {@code v1|1|v2c|2c|2|v3|3}; returns null when unknown. */
    public static SnmpVersion parse(String s) {
        if (s == null) return null;
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "v1", "1" -> V1;
            case "v2c", "2c", "2", "v2" -> V2C;
            case "v3", "3" -> V3;
            default -> null;
        };
    }
}
