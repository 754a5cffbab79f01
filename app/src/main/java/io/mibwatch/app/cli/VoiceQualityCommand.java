package io.mibwatch.app.cli;

import io.mibwatch.poller.voice.Codec;
import io.mibwatch.poller.voice.DelayModel;
import io.mibwatch.poller.voice.Rating;
import io.mibwatch.poller.voice.VoiceQuality;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * An E-model calculator for admins: R (ITU-T G.107), MOS (G.107 Annex B) and ICPIF (G.113, as
 * Cisco IP SLA computes it) from one-way delay, jitter and loss, with the delay model used.
 */
@Command(name = "voice-quality", description = {
        "Voice quality of a path: ITU-T G.107 E-model R, MOS (G.107 Annex B) and ICPIF (G.113 / Cisco IP SLA).",
        "Ta = delay + 2 x jitter (de-jitter buffer) + codec delay; other inputs are the G.107 Table 3 defaults."})
final class VoiceQualityCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--delay", required = true, paramLabel = "MS", description = "one-way network delay in ms (half the RTT if only that is known)")
    double delay;

    @Option(names = "--jitter", required = true, paramLabel = "MS", description = "mean jitter in ms")
    double jitter;

    @Option(names = "--loss", required = true, paramLabel = "PCT", description = "packet loss in percent (0..100)")
    double loss;

    @Option(names = "--codec", defaultValue = "g711", paramLabel = "CODEC",
            description = "codec: g711, g711plc, g729a, g723 (default: ${DEFAULT-VALUE})")
    String codec;

    @Option(names = "--buffer-factor", defaultValue = "2", paramLabel = "K",
            description = "de-jitter buffer depth in multiples of the jitter (default: ${DEFAULT-VALUE})")
    double bufferFactor;

    @Option(names = "--json", description = "print JSON (keys r, mos, icpif, ...)")
    boolean json;

    @Override
    public Integer call() {
        requireRange("--delay", delay, Double.MAX_VALUE, "ms");
        requireRange("--jitter", jitter, Double.MAX_VALUE, "ms");
        requireRange("--loss", loss, 100, "%");
        requireRange("--buffer-factor", bufferFactor, 100, "");
        Codec c;
        try {
            c = Codec.byName(codec);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--codec': "
                    + e.getMessage());
        }
        DelayModel model = new DelayModel(bufferFactor);
        VoiceQuality q = VoiceQuality.assess(delay, jitter, loss, c, model);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? JsonText.write(jsonOf(q)) : text(q));
        out.flush();
        return ExitCodes.OK;
    }

    private void requireRange(String option, double v, double max, String unit) {
        if (!(v >= 0) || !(v <= max) || Double.isInfinite(v)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + option
                    + "': " + v + " (must be " + (max == Double.MAX_VALUE ? ">= 0" : "within 0.." + fmt(max))
                    + (unit.isEmpty() ? "" : " " + unit) + ")");
        }
    }

    static Map<String, Object> jsonOf(VoiceQuality q) {
        Rating r = q.rating();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("r", round(q.r()));
        m.put("mos", round(q.mos()));
        m.put("icpif", round(q.icpif()));
        m.put("codec", q.codec().cliName());
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("delayMs", q.oneWayDelayMs());
        in.put("jitterMs", q.jitterMs());
        in.put("lossPct", q.lossPercent());
        m.put("input", in);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("formula", q.model().describe());
        model.put("bufferFactor", q.model().bufferFactor());
        model.put("bufferMs", round(q.model().bufferMs(q.jitterMs())));
        model.put("codecDelayMs", q.codec().codingDelayMs());
        model.put("effectiveDelayMs", round(q.effectiveDelayMs()));
        model.put("ie", q.codec().ie());
        model.put("bpl", q.codec().bpl());
        model.put("burstR", 1.0);
        m.put("delayModel", model);
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("ro", round(r.ro()));
        terms.put("is", round(r.is()));
        terms.put("idte", round(r.idte()));
        terms.put("idle", round(r.idle()));
        terms.put("idd", round(r.idd()));
        terms.put("ieEff", round(r.ieEff()));
        terms.put("a", r.a());
        m.put("terms", terms);
        m.put("source", "ITU-T G.107 (06/2015) E-model, Annex B MOS; G.113 Appendix I Ie/Bpl; ICPIF = Idd + Ie,eff - A (Cisco IP SLA)");
        return m;
    }

    private static String text(VoiceQuality q) {
        Rating r = q.rating();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "R      %.2f%n", q.r()));
        sb.append(String.format(Locale.ROOT, "MOS    %.2f%n", q.mos()));
        sb.append(String.format(Locale.ROOT, "ICPIF  %.2f%n", q.icpif()));
        sb.append(String.format(Locale.ROOT, "input  delay %s ms, jitter %s ms, loss %s %%, codec %s%n",
                fmt(q.oneWayDelayMs()), fmt(q.jitterMs()), fmt(q.lossPercent()), q.codec().cliName()));
        sb.append("delay model  ").append(q.model().describe()).append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT,
                "parameters   buffer %.2f ms (%s x jitter), codec delay %s ms, Ta %.2f ms; Ie %s, Bpl %s, BurstR 1%n",
                q.model().bufferMs(q.jitterMs()), fmt(q.model().bufferFactor()), fmt(q.codec().codingDelayMs()),
                q.effectiveDelayMs(), fmt(q.codec().ie()), fmt(q.codec().bpl())));
        sb.append(String.format(Locale.ROOT,
                "terms        Ro %.2f, Is %.2f, Idte %.2f, Idle %.2f, Idd %.2f, Ie,eff %.2f, A %s",
                r.ro(), r.is(), r.idte(), r.idle(), r.idd(), r.ieEff(), fmt(r.a())));
        return sb.toString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
