package io.mibwatch.poller.voice;

import io.mibwatch.catalog.metric.Conversion;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The catalog's derived voice scores ({@link Conversion.VoiceScore}) from one poll of a
 * CISCO-RTTMON-MIB jitter operation. Pure.
 * <ul>
 * <li>one-way delay = rttMonLatestJitterOperRTTSum / rttMonLatestJitterOperNumOfRTT / 2 (the
 * round trip halved: one-way latency columns need NTP-synchronised endpoints, RTT does not);</li>
 * <li>loss % = 100 (PacketLossSD + PacketLossDS) / (NumOfRTT + PacketLossSD + PacketLossDS);</li>
 * <li>jitter = rttMonLatestJitterOperAvgJitter, fed to {@link DelayModel#DEFAULT};</li>
 * <li>codec from rttMonEchoAdminCodecType (RttMonCodecType): g729a(3) is G.729A; g711ulaw(1),
 * g711alaw(2) and notApplicable(0, no codec configured) are scored as G.711 without PLC.</li>
 * </ul>
 */
public final class IpSlaVoice {

    /** RttMonCodecType g729a(3) (CISCO-RTTMON-TC-MIB). */
    static final int RTT_CODEC_G729A = 3;

    private IpSlaVoice() {
    }

    /**
     * The score for the inputs in the order of {@link Conversion.VoiceScore#inputs()}; empty
     * when an input is missing or the operation measured no round trip (no delay to rate).
     */
    public static OptionalDouble score(Conversion.VoiceScore formula, List<Double> in) {
        if (in.size() != 6 || in.stream().anyMatch(v -> v == null || !Double.isFinite(v) || v < 0)) {
            return OptionalDouble.empty();
        }
        double rttSum = in.get(0);
        double count = in.get(1);
        double jitter = in.get(2);
        double lost = in.get(3) + in.get(4);
        if (!(count > 0)) {
            return OptionalDouble.empty();
        }
        double oneWay = rttSum / count / 2;
        double lossPct = 100 * lost / (count + lost);
        Codec codec = codecOf(in.get(5));
        VoiceQuality q = VoiceQuality.assess(oneWay, jitter, lossPct, codec, DelayModel.DEFAULT);
        return OptionalDouble.of(switch (formula.score()) {
            case R -> q.r();
            case MOS -> q.mos();
            case ICPIF -> q.icpif();
        });
    }

    /** The codec for an rttMonEchoAdminCodecType value. */
    public static Codec codecOf(double rttMonCodecType) {
        return rttMonCodecType == RTT_CODEC_G729A ? Codec.G729A : Codec.G711;
    }
}
