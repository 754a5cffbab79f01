package io.mibwatch.poller.voice;

/**
 * The ITU-T G.107 (06/2015) E-model, full formulas of clause 3 (Ro, Is, Id, Ie,eff) plus the
 * MOS conversion of Annex B and the ICPIF of G.113 / Cisco IP SLA. All functions are pure.
 * With the Table 3 defaults R = 93.2 (Ro 94.77, Is 1.41, Id 0.15, Ie,eff 0).
 */
public final class EModel {

    private EModel() {
    }

    /** R and its terms for the given parameters. */
    public static Rating rate(EModelParameters p) {
        double no = no(p);
        double ro = 15 - 1.5 * (p.slr() + no);
        double ist = ist(p);
        double is = iolr(p, no) + ist + iq(p, ro);
        double idte = idte(p, no, ist);
        double idle = idle(p, ro);
        return new Rating(ro, is, idte, idle, idd(p.ta()), ieEff(p.ie(), p.ppl(), p.burstR(), p.bpl()), p.a());
    }

    /** Total noise power No (G.107 3.2, eq. 7-3 .. 7-7), dBm0p. */
    static double no(EModelParameters p) {
        double olr = p.slr() + p.rlr();
        double nos = p.ps() - p.slr() - p.ds() - 100 + 0.004 * sq(p.ps() - olr - p.ds() - 14);
        double pre = p.pr() + 10 * Math.log10(1 + Math.pow(10, (10 - p.lstr()) / 10));
        double nor = p.rlr() - 121 + pre + 0.008 * sq(pre - 35);
        double nfo = p.nfor() + p.rlr();
        return 10 * Math.log10(pow10(p.nc() / 10) + pow10(nos / 10) + pow10(nor / 10) + pow10(nfo / 10));
    }

    /** Impairment from too low an overall loudness, Iolr (G.107 3.3). */
    static double iolr(EModelParameters p, double no) {
        double xolr = p.slr() + p.rlr() + 0.2 * (64 + no - p.rlr());
        return 20 * (Math.pow(1 + Math.pow(xolr / 8, 8), 1.0 / 8) - xolr / 8);
    }

    /** Impairment from non-optimum sidetone, Ist (G.107 3.3), using STMRo. */
    static double ist(EModelParameters p) {
        double stmro = -10 * Math.log10(pow10(-p.stmr() / 10) + Math.exp(-p.t() / 4) * pow10(-p.telr() / 10));
        return 12 * Math.pow(1 + Math.pow((stmro - 13) / 6, 8), 1.0 / 8)
                - 28 * Math.pow(1 + Math.pow((stmro + 1) / 19.4, 35), 1.0 / 35)
                - 13 * Math.pow(1 + Math.pow((stmro - 3) / 33, 13), 1.0 / 13) + 29;
    }

    /** Quantising distortion impairment Iq (G.107 3.3). */
    static double iq(EModelParameters p, double ro) {
        double q = 37 - 15 * Math.log10(p.qdu());
        double g = 1.07 + 0.258 * q + 0.0602 * q * q;
        double y = (ro - 100) / 15 + 46 / 8.4 - g / 9;
        double z = 46.0 / 30 - g / 40;
        return 15 * Math.log10(1 + pow10(y) + pow10(z));
    }

    /**
     * Talker echo impairment Idte (G.107 3.4), including the sidetone corrections of that clause:
     * for STMR &lt; 9 dB TERV is replaced by TERV + Ist/2, for STMR &gt; 20 dB Idte by sqrt(Idte² + Ist²).
     */
    static double idte(EModelParameters p, double no, double ist) {
        double t = p.t();
        double roe = -1.5 * (no - p.rlr());
        double terv = p.telr() - 40 * Math.log10((1 + t / 10) / (1 + t / 150)) + 6 * Math.exp(-0.3 * t * t);
        if (p.stmr() < 9) {
            terv += ist / 2;
        }
        double re = 80 + 2.5 * (terv - 14);
        double idte = ((roe - re) / 2 + Math.sqrt(sq(roe - re) / 4 + 100) - 1) * (1 - Math.exp(-t));
        if (p.stmr() > 20) {
            idte = Math.sqrt(idte * idte + ist * ist);
        }
        return idte;
    }

    /** Listener echo impairment Idle (G.107 3.4). */
    static double idle(EModelParameters p, double ro) {
        double rle = 10.5 * (p.wepl() + 7) * Math.pow(p.tr() + 1, -0.25);
        return (ro - rle) / 2 + Math.sqrt(sq(ro - rle) / 4 + 169);
    }

    /**
     * Impairment from too long an absolute delay Ta, Idd (G.107 3.4, with the default mT = 100 ms
     * and sT = 1 of the 2011+ editions, which is the classic formula): 0 up to 100 ms, then
     * 25 ((1 + X⁶)^(1/6) - 3 (1 + (X/3)⁶)^(1/6) + 2) with X = log2(Ta / 100).
     */
    public static double idd(double taMs) {
        if (taMs <= 100) {
            return 0;
        }
        double x = Math.log10(taMs / 100) / Math.log10(2);
        return 25 * (Math.pow(1 + Math.pow(x, 6), 1.0 / 6) - 3 * Math.pow(1 + Math.pow(x / 3, 6), 1.0 / 6) + 2);
    }

    /**
     * Effective equipment impairment (G.107 3.5, eq. 7-29):
     * Ie,eff = Ie + (95 - Ie) · Ppl / (Ppl / BurstR + Bpl), Ppl in percent.
     */
    public static double ieEff(double ie, double pplPercent, double burstR, double bpl) {
        return ie + (95 - ie) * pplPercent / (pplPercent / burstR + bpl);
    }

    /**
     * MOS (CQE) from R, G.107 Annex B (eq. B-4): 1 for R &lt; 0, 4.5 for R &gt; 100, else
     * 1 + 0.035 R + R (R - 60)(100 - R) · 7e-6. The cubic dips below 1 for 0 &lt; R &lt; 6.5
     * (minimum 0.988 near R = 3.2), which would make MOS fall as R rises; we clamp at 1 there
     * so MOS is non-decreasing in R (the lowest MOS category is 1 anyway).
     */
    public static double mos(double r) {
        if (r < 0) {
            return 1;
        }
        if (r > 100) {
            return 4.5;
        }
        return Math.max(1, 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6);
    }

    /**
     * ICPIF as Cisco IP SLA computes it: the G.113 (1996) Icpif = Io + Iq + Idte + Idd + Ie - A
     * with the loudness, quantising and echo terms taken as 0 (an IP path does not measure them),
     * i.e. Idd + Ie,eff - A, never below 0.
     */
    public static double icpif(double idd, double ieEff, double a) {
        return Math.max(0, idd + ieEff - a);
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double pow10(double x) {
        return Math.pow(10, x);
    }
}
