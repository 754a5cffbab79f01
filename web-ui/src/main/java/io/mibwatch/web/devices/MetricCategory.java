package io.mibwatch.web.devices;

import java.util.Locale;

/**
 * The sections of a device page. Metric groups come from the catalog (standard MIBs and vendor
 * MIBs); the page groups them by what an operator looks for, not by MIB. Pure.
 */
public enum MetricCategory {
    INTERFACES("Interfaces"),
    CPU("CPU"),
    STORAGE("Storage and memory"),
    SENSORS("Sensors and power"),
    IP_SLA("IP SLA"),
    OTHER("Other");

    private final String title;

    MetricCategory(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The URL/JSON key ("ip_sla"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The category of a catalog group. Vendor groups are matched by what their name says they
     * hold: {@code cisco_cpu} is CPU, {@code cisco_mempool} memory, {@code cisco_envmon} sensors,
     * {@code cisco_rtt} (CISCO-RTTMON-MIB) IP SLA; net-snmp's {@code ucd} group holds memory use.
     */
    public static MetricCategory of(String group) {
        String g = group.toLowerCase(Locale.ROOT);
        if (g.equals("interfaces") || g.startsWith("if")) {
            return INTERFACES;
        }
        if (g.contains("rtt") || g.contains("sla") || g.contains("voice")) {
            return IP_SLA;
        }
        if (g.contains("cpu") || g.equals("jnx_operating") || g.contains("load")) {
            return CPU;
        }
        if (g.contains("storage") || g.contains("mem") || g.contains("disk") || g.equals("ucd")) {
            return STORAGE;
        }
        if (g.contains("temp") || g.contains("envmon") || g.contains("sensor") || g.startsWith("ups")
                || g.contains("power") || g.contains("fan")) {
            return SENSORS;
        }
        return OTHER;
    }
}
