package io.mibwatch.simulator.model;

/**
 * What a counter counts, which sets its rate relative to the interface's octet rate
 * ({@link #shareOfPackets} of the packets for packet counters, tiny rates for errors).
 */
public enum CounterRole {
    /** ifInOctets/ifOutOctets, ifHCInOctets/ifHCOutOctets (RFC 2863). */
    OCTETS(0),
    /** ifInUcastPkts, ifHCInUcastPkts and the out ones. */
    UNICAST_PACKETS(0.96),
    /** ifInMulticastPkts, ifHCInMulticastPkts and the out ones. */
    MULTICAST_PACKETS(0.01),
    /** ifInBroadcastPkts, ifHCInBroadcastPkts and the out ones. */
    BROADCAST_PACKETS(0.005),
    /** ifInNUcastPkts/ifOutNUcastPkts (deprecated by RFC 2863, still answered by many agents). */
    NON_UNICAST_PACKETS(0.015),
    /** ifInErrors/ifOutErrors: about 2 per million packets. */
    ERRORS(2e-6),
    /** ifInDiscards/ifOutDiscards: about 1 per 100,000 packets. */
    DISCARDS(1e-5),
    /** ifInUnknownProtos. */
    UNKNOWN_PROTOS(1e-6),
    /** Any other Counter32/Counter64: a seeded steady rate following the traffic shape. */
    OTHER(0);

    private final double shareOfPackets;

    CounterRole(double shareOfPackets) {
        this.shareOfPackets = shareOfPackets;
    }

    /** Rate as a fraction of the interface's packet rate; 0 for OCTETS and OTHER. */
    public double shareOfPackets() {
        return shareOfPackets;
    }
}
