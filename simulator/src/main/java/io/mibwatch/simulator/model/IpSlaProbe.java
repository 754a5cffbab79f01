package io.mibwatch.simulator.model;

/**
 * What one simulated IP SLA udp-jitter operation (CISCO-RTTMON-MIB) measured at one instant. Every
 * column the agent serves for the operation is derived from this one record, so they agree with
 * each other: RTTSum / NumOfRTT is the RTT, PacketLossSD + DS is what NumOfRTT lacks of the probes
 * sent, and MOS / ICPIF follow from delay, jitter and loss. Pure.
 *
 * @param rttMs    mean round-trip time of the answered probes
 * @param jitterMs mean inter-packet delay variation
 * @param sent     probes sent per run
 * @param lost     probes lost
 * @param codec    rttMonEchoAdminCodecType (RttMonCodecType): notApplicable(0), g711ulaw(1), g711alaw(2), g729a(3)
 */
public record IpSlaProbe(double rttMs, double jitterMs, int sent, int lost, int codec) {

    /** RttMonCodecType g729a(3) (CISCO-RTTMON-TC-MIB). */
    public static final int G729A = 3;

    public IpSlaProbe {
        if (sent < 1 || lost < 0 || lost > sent) {
            throw new IllegalArgumentException("probes: " + lost + " lost of " + sent + " sent");
        }
    }

    /** rttMonLatestJitterOperNumOfRTT: the probes that came back. */
    public int answered() {
        return sent - lost;
    }

    public double lossPercent() {
        return 100.0 * lost / sent;
    }

    /**
     * The agent's own voice score, as a router computes it for a codec-configured operation. A
     * simplified E-model, deliberately not mibwatch's own (poller/voice): real agents disagree with
     * the full ITU-T G.107 computation too, and the demo shows both side by side.
     * <ul>
     * <li>mouth-to-ear delay Ta = RTT / 2 + 2 x jitter (a jitter buffer of twice the jitter) +
     *     packetisation (20 ms G.711, 25 ms G.729A);</li>
     * <li>Id = 0.024 Ta + 0.11 (Ta - 177.3) H(Ta - 177.3) (Cole and Rosenbluth, "Voice over IP
     *     performance monitoring", ACM SIGCOMM CCR 31(2), 2001);</li>
     * <li>Ie,eff = Ie + (95 - Ie) Ppl / (Ppl + Bpl) (ITU-T G.107 (06/2015) eq. 7-29) with G.113
     *     Appendix I's Ie/Bpl: G.711 without PLC 0 / 4.3, G.729A 11 / 19;</li>
     * <li>R = 93.2 - Id - Ie,eff; MOS from R by G.107 Annex B eq. B-4; ICPIF = Id + Ie,eff
     *     (G.113's Icpif = Idd + Ie,eff, the form Cisco reports).</li>
     * </ul>
     */
    public AgentScore agentScore() {
        boolean g729 = codec == G729A;
        double ta = rttMs / 2 + 2 * jitterMs + (g729 ? 25 : 20);
        double id = 0.024 * ta + (ta > 177.3 ? 0.11 * (ta - 177.3) : 0);
        double ie = g729 ? 11 : 0;
        double bpl = g729 ? 19 : 4.3;
        double ppl = lossPercent();
        double ieEff = ie + (95 - ie) * ppl / (ppl + bpl);
        double r = Math.max(0, Math.min(100, 93.2 - id - ieEff));
        double mos = r <= 0 ? 1 : 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
        return new AgentScore(r, mos, id + ieEff);
    }

    /** The agent's R, MOS (1..4.5) and ICPIF. */
    public record AgentScore(double r, double mos, double icpif) {
    }
}
