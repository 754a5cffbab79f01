package io.mibwatch.poller.voice;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Codecs with their equipment impairment factor Ie and packet-loss robustness factor Bpl from
 * ITU-T G.113 (11/2007) Appendix I (Tables I.1 and I.3), and the coding delay the de-jitter
 * model adds: one packet of speech (the packetisation interval, 20 ms as Cisco IP SLA
 * udp-jitter codecs use by default) plus the codec's look-ahead (G.729 Annex A: 10 ms frames,
 * 5 ms look-ahead; G.723.1: 30 ms frames, 7.5 ms look-ahead).
 */
public enum Codec {
    /** G.711 PCM without packet loss concealment: Ie 0, Bpl 4.3 (G.113 Table I.3). */
    G711("g711", 0, 4.3, 20.0),
    /** G.711 with the packet loss concealment of G.711 Appendix I: Ie 0, Bpl 25.1. */
    G711_PLC("g711plc", 0, 25.1, 20.0),
    /** G.729 Annex A (+ VAD): Ie 11, Bpl 19.0. Two 10 ms frames per packet + 5 ms look-ahead. */
    G729A("g729a", 11, 19.0, 25.0),
    /** G.723.1 at 6.3 kbit/s (+ VAD): Ie 15, Bpl 16.1. One 30 ms frame + 7.5 ms look-ahead. */
    G723_1("g723", 15, 16.1, 37.5);

    private final String cliName;
    private final double ie;
    private final double bpl;
    private final double codingDelayMs;

    Codec(String cliName, double ie, double bpl, double codingDelayMs) {
        this.cliName = cliName;
        this.ie = ie;
        this.bpl = bpl;
        this.codingDelayMs = codingDelayMs;
    }

    /** The name used on the command line and in JSON. */
    public String cliName() {
        return cliName;
    }

    /** Equipment impairment factor Ie (G.113 Appendix I). */
    public double ie() {
        return ie;
    }

    /** Packet-loss robustness factor Bpl (G.113 Appendix I). */
    public double bpl() {
        return bpl;
    }

    /** Packetisation plus look-ahead delay in ms added to the one-way delay. */
    public double codingDelayMs() {
        return codingDelayMs;
    }

    /** The codec called {@code name} on the command line ({@code g711}, {@code g729a}, ...). */
    public static Codec byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Codec c : values()) {
            if (c.cliName.equals(n)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown codec '" + name + "' (known: " + names() + ")");
    }

    /** The command-line names, comma separated. */
    public static String names() {
        return Arrays.stream(values()).map(Codec::cliName).collect(Collectors.joining(", "));
    }
}
