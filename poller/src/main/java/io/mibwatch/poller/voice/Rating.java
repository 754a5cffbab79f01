package io.mibwatch.poller.voice;

/**
 * The result of the E-model: the transmission rating factor R = Ro - Is - Id - Ie,eff + A
 * (G.107 clause 3.1) with each term, so a user can see which impairment dominates.
 *
 * @param ro    basic signal-to-noise ratio Ro
 * @param is    simultaneous impairment factor Is = Iolr + Ist + Iq
 * @param idte  talker echo impairment Idte
 * @param idle  listener echo impairment Idle
 * @param idd   impairment from absolute delay Idd (Id = Idte + Idle + Idd)
 * @param ieEff effective equipment impairment Ie,eff (codec and packet loss)
 * @param a     advantage factor A
 */
public record Rating(double ro, double is, double idte, double idle, double idd, double ieEff, double a) {

    /** Delay impairment factor Id = Idte + Idle + Idd. */
    public double id() {
        return idte + idle + idd;
    }

    /** The rating factor R. */
    public double r() {
        return ro - is - id() - ieEff + a;
    }

    /** MOS (conversational quality, estimated) from R, G.107 Annex B. */
    public double mos() {
        return EModel.mos(r());
    }

    /**
     * ICPIF as Cisco IP SLA computes it (simplified G.113 Icpif = Io + Iq + Idte + Idd + Ie - A
     * with Io = Iq = Idte = 0): Idd + Ie,eff - A. Hence R = (Ro - Is - Idte - Idle) - ICPIF.
     */
    public double icpif() {
        return EModel.icpif(idd, ieEff, a);
    }
}
