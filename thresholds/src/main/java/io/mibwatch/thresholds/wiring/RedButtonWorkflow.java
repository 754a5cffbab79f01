package io.mibwatch.thresholds.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mibwatch.config.ServicesConfig;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.apdex.ServiceSamples;
import io.mibwatch.thresholds.redbutton.Activity;
import io.mibwatch.thresholds.redbutton.Analysis;
import io.mibwatch.thresholds.redbutton.Complaint;
import io.mibwatch.thresholds.redbutton.MetricVerdict;
import io.mibwatch.thresholds.redbutton.RedButton;
import io.mibwatch.thresholds.redbutton.Stats;
import io.mibwatch.thresholds.store.RedButtonStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The red button steps that touch the event store, shared by the CLI ({@code complain},
 * {@code thresholds suggest|adopt}) and the web API, so both record the same evidence and print
 * the same rule: analyse and record suggestions, adopt one, and the per-user rate limit a new
 * complaint meets.
 */
public final class RedButtonWorkflow {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RedButtonWorkflow() {
    }

    /**
     * Analyses complaints of {@code s} in [from, to) against its members' samples and records every
     * significant metric as a suggestion with its evidence (JSON, as {@link #evidence} writes it).
     */
    public static Analysis suggest(RedButtonStore rb, ServicesConfig.Service s, ServiceSamples samples, Instant from,
                                   Instant to, RedButton.Options options, Instant now) {
        Analysis a = analyse(rb, s, samples, from, to, options);
        for (MetricVerdict v : a.metrics()) {
            if (v.significant()) {
                rb.addSuggestion(s.name(), v.series().toString(), v.tFrustrated().getAsDouble(),
                        v.tSatisfied().getAsDouble(), v.apdexT().getAsDouble(), evidence(v, a).toString(), now);
            }
        }
        return a;
    }

    /** The analysis alone, recording nothing (what a page shows before anyone adopts). */
    public static Analysis analyse(RedButtonStore rb, ServicesConfig.Service s, ServiceSamples samples, Instant from,
                                   Instant to, RedButton.Options options) {
        Activity activity = new Activity(rb.activePeriods(s.name(), from), s.workingHours());
        List<Complaint> complaints = rb.complaints(s.name(), from).stream().filter(c -> c.at().isBefore(to)).toList();
        return RedButton.analyse(s.name(), complaints, activity, samples.samples(), options);
    }

    /** One metric's verdict as JSON: the evidence stored with a suggestion and shown by CLI and API. */
    public static ObjectNode evidence(MetricVerdict v, Analysis a) {
        ObjectNode o = MAPPER.createObjectNode().put("series", v.series().toString())
                .put("lower_is_better", v.lowerIsBetter()).put("significant", v.significant())
                .put("p", v.test().p()).put("cliffs_delta", v.test().delta()).put("u", v.test().u())
                .put("complaints_used", a.accepted());
        stats(o.putObject("complaint_windows"), v.complaint());
        stats(o.putObject("normal_windows"), v.normal());
        v.tFrustrated().ifPresent(x -> o.put("t_frustrated", x));
        v.tSatisfied().ifPresent(x -> o.put("t_satisfied", x));
        v.apdexT().ifPresent(x -> o.put("apdex_t", x));
        return o;
    }

    private static void stats(ObjectNode o, Stats s) {
        o.put("count", s.count());
        if (s.count() > 0) {
            o.put("mean", s.mean()).put("median", s.median()).put("p90", s.p90());
        }
    }

    /** What adopting did. */
    public enum Outcome {
        /** Marked adopted now, by this user. */
        ADOPTED,
        /** It had been adopted before (by {@link RedButtonStore.Suggestion#adoptedBy()}). */
        ALREADY_ADOPTED,
        /** Nothing suggested for that metric yet: run the analysis first. */
        NO_SUGGESTION
    }

    /**
     * @param suggestion the suggestion as it is now in the store (empty for NO_SUGGESTION)
     * @param yaml       the rule to paste into mibwatch.yaml (the file is never rewritten: it holds
     *                   comments and secrets), empty for NO_SUGGESTION
     */
    public record Adoption(Outcome outcome, Optional<RedButtonStore.Suggestion> suggestion, String yaml) {
    }

    /**
     * Adopts the newest suggestion for {@code series} of {@code service}: recorded in the event store
     * with who and when; the evidence stays with it.
     */
    public static Adoption adopt(RedButtonStore rb, String service, SeriesId series, String user, Instant at) {
        Optional<RedButtonStore.Suggestion> found = rb.latestSuggestion(service, series.toString());
        if (found.isEmpty()) {
            return new Adoption(Outcome.NO_SUGGESTION, Optional.empty(), "");
        }
        RedButtonStore.Suggestion sug = found.get();
        Outcome outcome = Outcome.ALREADY_ADOPTED;
        if (sug.adoptedAt().isEmpty() && rb.adopt(sug.id(), user, at)) {
            outcome = Outcome.ADOPTED;
        }
        RedButtonStore.Suggestion now = rb.latestSuggestion(service, series.toString()).orElse(sug);
        return new Adoption(outcome, Optional.of(now), yaml(service, series, now));
    }

    /** The rule and Apdex target of a suggestion, as mibwatch.yaml takes them. */
    public static String yaml(String service, SeriesId id, RedButtonStore.Suggestion sug) {
        boolean lower = sug.tSatisfied() <= sug.tFrustrated();
        return String.format(Locale.ROOT, """
                thresholds:
                  rules:
                    - name: redbutton-%s-%s
                      match: {device: "%s", metric: %s/%s, instance: "%s"}
                      levels: {warning: %s, critical: %s, direction: %s}
                and, for the service's Apdex, in services[name=%s].members: t: %s
                """, service, id.metric(), id.device(), id.group(), id.metric(), id.instance(),
                num(sug.tSatisfied()), num(sug.tFrustrated()), lower ? "high" : "low", service, num(sug.apdexT()));
    }

    /**
     * When the user may complain about the service again: one complaint per user per service per
     * {@code rateLimit} counts ({@link RedButton#DEFAULT_RATE_LIMIT}); empty when a complaint now counts.
     */
    public static Optional<Instant> rateLimitedUntil(RedButtonStore rb, String service, String user, Instant now,
                                                     Duration rateLimit) {
        return rb.complaints(service, now.minus(rateLimit)).stream()
                .filter(c -> c.user().equals(user) && !c.at().isAfter(now))
                .map(c -> c.at().plus(rateLimit))
                .filter(until -> until.isAfter(now))
                .max(Instant::compareTo);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
