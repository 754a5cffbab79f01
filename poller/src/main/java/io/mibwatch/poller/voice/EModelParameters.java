package io.mibwatch.poller.voice;

/**
 * The input parameters of the ITU-T G.107 E-model (edition 06/2015, clause 7 / Table 3 for the
 * default values). Names follow the Recommendation. Delays in ms, levels in dB / dBm0p / dB(A),
 * Ppl in percent.
 *
 * @param slr    send loudness rating SLR (default 8 dB)
 * @param rlr    receive loudness rating RLR (default 2 dB)
 * @param stmr   sidetone masking rating STMR (default 15 dB)
 * @param lstr   listener sidetone rating LSTR (default 18 dB)
 * @param ds     D-value of telephone, send side Ds (default 3)
 * @param telr   talker echo loudness rating TELR (default 65 dB)
 * @param wepl   weighted echo path loss WEPL (default 110 dB)
 * @param t      mean one-way delay of the echo path T (default 0 ms)
 * @param tr     round-trip delay in a 4-wire loop Tr (default 0 ms)
 * @param ta     absolute (mouth-to-ear) delay Ta (default 0 ms)
 * @param qdu    number of quantisation distortion units qdu (default 1)
 * @param ie     equipment impairment factor Ie (default 0)
 * @param bpl    packet-loss robustness factor Bpl (default 4.3, G.711 without PLC, G.113 Appendix I)
 * @param ppl    random packet-loss probability Ppl in % (default 0)
 * @param burstR burst ratio BurstR (default 1: random loss)
 * @param nc     circuit noise referred to the 0 dBr point Nc (default -70 dBm0p)
 * @param nfor   noise floor at the receive side Nfor (default -64 dBmp)
 * @param ps     room noise at the send side Ps (default 35 dB(A))
 * @param pr     room noise at the receive side Pr (default 35 dB(A))
 * @param a      advantage factor A (default 0)
 */
public record EModelParameters(double slr, double rlr, double stmr, double lstr, double ds, double telr,
        double wepl, double t, double tr, double ta, double qdu, double ie, double bpl, double ppl,
        double burstR, double nc, double nfor, double ps, double pr, double a) {

    public EModelParameters {
        requireNonNegative("T", t);
        requireNonNegative("Tr", tr);
        requireNonNegative("Ta", ta);
        if (!(qdu >= 1)) {
            throw new IllegalArgumentException("E-model qdu must be >= 1, got " + qdu);
        }
        if (!(ppl >= 0 && ppl <= 100)) {
            throw new IllegalArgumentException("E-model Ppl must be within 0..100 %, got " + ppl);
        }
        if (!(bpl > 0)) {
            throw new IllegalArgumentException("E-model Bpl must be > 0, got " + bpl);
        }
        if (!(burstR >= 1)) {
            // G.107 clause 3.6: BurstR = 1 for random loss, > 1 for bursty loss
            throw new IllegalArgumentException("E-model BurstR must be >= 1, got " + burstR);
        }
    }

    /** All default values of G.107 (06/2015) Table 3; R = 93.2 for these. */
    public static EModelParameters defaults() {
        return new EModelParameters(8, 2, 15, 18, 3, 65, 110, 0, 0, 0, 1, 0, 4.3, 0, 1, -70, -64, 35, 35, 0);
    }

    /**
     * The defaults with the network-dependent values replaced: one-way delay (used as T and Ta,
     * with Tr = 2 Ta, the usual assumption when the echo path is the transmission path),
     * codec Ie/Bpl and packet loss.
     */
    public static EModelParameters forNetwork(double oneWayDelayMs, Codec codec, double lossPercent) {
        EModelParameters d = defaults();
        return new EModelParameters(d.slr, d.rlr, d.stmr, d.lstr, d.ds, d.telr, d.wepl, oneWayDelayMs,
                2 * oneWayDelayMs, oneWayDelayMs, d.qdu, codec.ie(), codec.bpl(), lossPercent, d.burstR, d.nc,
                d.nfor, d.ps, d.pr, d.a);
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("E-model " + name + " must be a finite delay >= 0 ms, got " + v);
        }
    }
}
