package io.mibwatch.web.services;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mibwatch.config.ServicesConfig;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.apdex.ApdexResult;
import io.mibwatch.thresholds.apdex.ApdexWindow;
import io.mibwatch.thresholds.apdex.MemberTarget;
import io.mibwatch.thresholds.apdex.SampleSource;
import io.mibwatch.thresholds.apdex.ServiceApdex;
import io.mibwatch.thresholds.apdex.ServiceSamples;
import io.mibwatch.thresholds.redbutton.ActivePeriod;
import io.mibwatch.thresholds.redbutton.Analysis;
import io.mibwatch.thresholds.redbutton.Complaint;
import io.mibwatch.thresholds.redbutton.MetricVerdict;
import io.mibwatch.thresholds.redbutton.RedButton;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.thresholds.store.RedButtonStore;
import io.mibwatch.thresholds.wiring.RedButtonWorkflow;
import io.mibwatch.web.auth.AuditAction;
import io.mibwatch.web.auth.AuditLog;
import io.mibwatch.web.graph.SeriesRef;
import io.mibwatch.web.http.Access;
import io.mibwatch.web.http.Caller;
import io.mibwatch.web.http.HttpError;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.WebFeature;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Services, Apdex and the red button: pages {@code /services}, {@code /services/{name}},
 * {@code /report} and their API.
 *
 * <ul>
 *   <li>{@code GET /api/services} (REPORT): every service; viewers and above get Apdex over the
 *       last day with an hourly trend, reporters only names and their own rate-limit state</li>
 *   <li>{@code GET /api/services/{name}?range=1d|1w} (VIEW): Apdex, members, trend per service window, complaints</li>
 *   <li>{@code POST /api/services/{name}/complaints} (REPORT): the red button; the complaint's user is the caller</li>
 *   <li>{@code POST /api/services/{name}/active} {@code {"from": ISO, "to": ISO}} (REPORT): the caller was active</li>
 *   <li>{@code GET /api/services/{name}/suggestions?days=7} (VIEW): the analysis, nothing recorded</li>
 *   <li>{@code POST /api/services/{name}/suggestions/adopt} {@code {"series": "dev:group/instance/metric"}} (ADMIN)</li>
 * </ul>
 */
public final class ServicesFeature implements WebFeature {
    /** The list page's Apdex: the last day in hourly windows, a trend at a glance. */
    static final Duration LIST_RANGE = Duration.ofDays(1);
    static final Duration LIST_WINDOW = Duration.ofHours(1);
    /** Longest active period one request may report: a working day and a half. */
    static final Duration MAX_ACTIVE = Duration.ofHours(36);

    private final Supplier<ServicesConfig> services;
    private final SampleSource samples;
    private final RedButtonStore redButton;
    private final MetricUnits units;
    private final Clock clock;
    private final AuditLog audit;

    /**
     * @param services the configured services, asked per request (config reloads take effect)
     * @param samples  stored member samples (the app adapts the RRD store)
     * @param audit    where adoptions are recorded
     */
    public ServicesFeature(Supplier<ServicesConfig> services, SampleSource samples, RedButtonStore redButton,
                           MetricUnits units, Clock clock, AuditLog audit) {
        this.services = Objects.requireNonNull(services, "services");
        this.samples = Objects.requireNonNull(samples, "samples");
        this.redButton = Objects.requireNonNull(redButton, "redButton");
        this.units = Objects.requireNonNull(units, "units");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.page("/services", Access.VIEW, "services.html"),
                Route.page("/services/{name}", Access.VIEW, "service.html"),
                Route.page("/report", Access.REPORT, "report.html"),
                Route.get("/api/services", Access.REPORT, this::list),
                Route.get("/api/services/{name}", Access.VIEW, this::one),
                Route.post("/api/services/{name}/complaints", Access.REPORT, this::complain),
                Route.post("/api/services/{name}/active", Access.REPORT, this::active),
                Route.get("/api/services/{name}/suggestions", Access.VIEW, this::suggestions),
                Route.post("/api/services/{name}/suggestions/adopt", Access.ADMIN, this::adopt));
    }

    // ------------------------------------------------------------------ JSON shapes

    /** Apdex counts; {@code apdex} null when the range had no sample (unknown, not 0 or 1). */
    public record Score(Double apdex, long satisfied, long tolerating, long frustrated, long total) {
        static Score of(ApdexResult r) {
            return new Score(r.score().isPresent() ? r.score().getAsDouble() : null, r.satisfied(), r.tolerating(),
                    r.frustrated(), r.total());
        }
    }

    public record TrendPoint(Instant from, Instant to, Double apdex, long total) {
    }

    /**
     * A service in the list. The Apdex fields are null for reporters (they see names only).
     *
     * @param rateLimitedUntil when the caller's next complaint counts again, null if now
     */
    public record ServiceRow(String name, int members, Long windowSeconds, Score apdex, List<TrendPoint> trend,
                             Integer complaints, Instant myLastComplaint, Instant rateLimitedUntil) {
    }

    public record Member(String device, String series, String group, String segment, String metric, double t,
                         boolean lowerIsBetter, String unit, boolean stored, Score apdex) {
    }

    public record ComplaintJson(String user, Instant at) {
    }

    public record ServiceJson(String name, Instant from, Instant to, long windowSeconds, Score apdex,
                              List<Member> members, List<TrendPoint> trend, List<ComplaintJson> complaints,
                              List<String> missing) {
    }

    // ------------------------------------------------------------------ handlers

    private ServicesConfig.Service service(HttpServerExchange ex) {
        String name = Json.pathParam(ex, "name");
        ServicesConfig cfg = services.get();
        return cfg.service(name).orElseThrow(() -> HttpError.notFound("no service '" + name + "'; services: "
                + (cfg.services().isEmpty() ? "(none configured)"
                : String.join(", ", cfg.services().stream().map(ServicesConfig.Service::name).toList()))));
    }

    private ServiceSamples read(ServicesConfig.Service s, Instant from, Instant to) {
        try {
            return ServiceSamples.read(s, units, samples, from, to);
        } catch (IllegalArgumentException e) {
            throw new HttpError(500, "service configuration: " + e.getMessage());
        }
    }

    void list(HttpServerExchange ex) {
        Caller caller = Caller.required(ex);
        boolean view = caller.role().allows(Access.VIEW);
        Instant now = clock.instant();
        Instant from = now.minus(LIST_RANGE);
        List<ServiceRow> rows = new ArrayList<>();
        for (ServicesConfig.Service s : services.get().services()) {
            List<Complaint> complaints = redButton.complaints(s.name(), from);
            Instant mine = complaints.stream().filter(c -> c.user().equals(caller.user())).map(Complaint::at)
                    .max(Instant::compareTo).orElse(null);
            Instant limited = RedButtonWorkflow.rateLimitedUntil(redButton, s.name(), caller.user(), now,
                    RedButton.DEFAULT_RATE_LIMIT).orElse(null);
            if (!view) {
                rows.add(new ServiceRow(s.name(), s.members().size(), null, null, null, null, mine, limited));
                continue;
            }
            ServiceApdex a = ServiceApdex.evaluate(read(s, from, now).samples(), from, now, LIST_WINDOW);
            rows.add(new ServiceRow(s.name(), s.members().size(), s.window().toSeconds(), Score.of(a.overall()),
                    trend(a.trend()), complaints.size(), mine, limited));
        }
        Json.ok(ex, rows);
    }

    private static List<TrendPoint> trend(List<ApdexWindow> windows) {
        return windows.stream().map(w -> new TrendPoint(w.from(), w.to(),
                w.result().score().isPresent() ? w.result().score().getAsDouble() : null, w.result().total())).toList();
    }

    void one(HttpServerExchange ex) {
        ServicesConfig.Service s = service(ex);
        String range = Json.query(ex, "range").orElse("1d");
        Duration span = switch (range) {
            case "1h" -> Duration.ofHours(1);
            case "1d" -> Duration.ofDays(1);
            case "1w" -> Duration.ofDays(7);
            default -> throw HttpError.badRequest("query parameter range '" + range + "': expected 1h, 1d or 1w");
        };
        Instant to = clock.instant();
        Instant from = to.minus(span);
        // a week in 5-minute windows would be 2016 points: widen the window to keep the trend readable
        Duration window = s.window();
        while (span.dividedBy(window) > 400) {
            window = window.multipliedBy(2);
        }
        ServiceSamples h = read(s, from, to);
        ServiceApdex a = ServiceApdex.evaluate(h.samples(), from, to, window);
        List<Member> members = new ArrayList<>();
        for (Map.Entry<MemberTarget, ApdexResult> e : a.members().entrySet()) {
            SeriesId id = e.getKey().series();
            members.add(new Member(id.device(), id.path(), id.group(), SeriesRef.instanceSegment(id.instance()),
                    id.metric(), e.getKey().target().t(), e.getKey().target().lowerIsBetter(),
                    units.unitOf(id.group(), id.metric()).orElse(""), !h.missing().contains(id.toString()),
                    Score.of(e.getValue())));
        }
        List<ComplaintJson> complaints = redButton.complaints(s.name(), from).stream()
                .map(c -> new ComplaintJson(c.user(), c.at())).toList();
        Json.ok(ex, new ServiceJson(s.name(), from, to, window.toSeconds(), Score.of(a.overall()), members,
                trend(a.trend()), complaints, h.missing()));
    }

    public record Recorded(long id, String service, String user, Instant at) {
    }

    void complain(HttpServerExchange ex) {
        ServicesConfig.Service s = service(ex);
        Caller caller = Caller.required(ex);
        drain(ex); // the complaint is the click itself; any body is ignored
        Instant now = clock.instant();
        Optional<Instant> until = RedButtonWorkflow.rateLimitedUntil(redButton, s.name(), caller.user(), now,
                RedButton.DEFAULT_RATE_LIMIT);
        if (until.isPresent()) {
            throw new HttpError(429, "You already reported " + s.name() + " in the last "
                    + RedButton.DEFAULT_RATE_LIMIT.toMinutes() + " minutes; one report per person counts per "
                    + RedButton.DEFAULT_RATE_LIMIT.toMinutes() + " minutes. You can report again after "
                    + DateTimeFormatter.ISO_INSTANT.format(until.get()) + ".");
        }
        long id = redButton.addComplaint(new Complaint(caller.user(), s.name(), now), now);
        Json.send(ex, 201, new Recorded(id, s.name(), caller.user(), now));
    }

    /** The body of {@code POST .../active}. */
    public record ActiveBody(Instant from, Instant to) {
    }

    void active(HttpServerExchange ex) {
        ServicesConfig.Service s = service(ex);
        Caller caller = Caller.required(ex);
        ActiveBody body = Json.read(ex, ActiveBody.class);
        if (body.from() == null || body.to() == null) {
            throw HttpError.badRequest("active period needs \"from\" and \"to\" (ISO-8601 instants)");
        }
        if (!body.from().isBefore(body.to())) {
            throw HttpError.badRequest("active period: from " + body.from() + " is not before to " + body.to());
        }
        if (Duration.between(body.from(), body.to()).compareTo(MAX_ACTIVE) > 0) {
            throw HttpError.badRequest("active period " + body.from() + " .. " + body.to() + " is longer than "
                    + MAX_ACTIVE.toHours() + " h; report each working day separately");
        }
        Instant now = clock.instant();
        long id = redButton.addActivePeriod(new ActivePeriod(caller.user(), s.name(), body.from(), body.to()), now);
        Json.send(ex, 201, Map.of("id", id, "service", s.name(), "user", caller.user(),
                "from", body.from().toString(), "to", body.to().toString()));
    }

    void suggestions(HttpServerExchange ex) {
        ServicesConfig.Service s = service(ex);
        int days = days(ex);
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        Analysis a = RedButtonWorkflow.analyse(redButton, s, read(s, from, to), from, to, RedButton.Options.DEFAULTS);
        ObjectNode root = Json.MAPPER.createObjectNode().put("service", s.name()).put("from", from.toString())
                .put("to", to.toString()).put("days", days)
                .put("complaints_accepted", a.accepted()).put("complaints_outside_active", a.outsideActive())
                .put("complaints_rate_limited", a.rateLimited()).put("min_complaints", a.minimum())
                .put("enough_complaints", a.enoughComplaints())
                .put("rate_limit_minutes", RedButton.DEFAULT_RATE_LIMIT.toMinutes());
        var metrics = root.putArray("metrics");
        for (MetricVerdict v : a.metrics()) {
            ObjectNode o = RedButtonWorkflow.evidence(v, a);
            SeriesId id = v.series();
            o.put("device", id.device()).put("path", id.path()).put("segment", SeriesRef.instanceSegment(id.instance()))
                    .put("unit", units.unitOf(id.group(), id.metric()).orElse(""));
            redButton.latestSuggestion(s.name(), id.toString()).ifPresent(sug -> {
                ObjectNode st = o.putObject("stored").put("id", sug.id()).put("created_at", sug.createdAt().toString());
                sug.adoptedAt().ifPresent(t -> st.put("adopted_at", t.toString()));
                sug.adoptedBy().ifPresent(u -> st.put("adopted_by", u));
            });
            metrics.add(o);
        }
        Json.ok(ex, root);
    }

    /** The body of {@code POST .../suggestions/adopt}. */
    public record AdoptBody(String series, Integer days) {
    }

    /**
     * Adopts what the suggestions view shows: the analysis runs again (so the evidence recorded is
     * today's), its significant metrics are recorded as suggestions (as {@code thresholds suggest}
     * does) and the one asked for is adopted (as {@code thresholds adopt} does).
     */
    void adopt(HttpServerExchange ex) {
        ServicesConfig.Service s = service(ex);
        Caller caller = Caller.required(ex);
        AdoptBody body = Json.read(ex, AdoptBody.class);
        SeriesId id = parseSeries(body.series());
        int days = body.days() == null ? 7 : checkDays(body.days());
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        Analysis a = RedButtonWorkflow.suggest(redButton, s, read(s, from, to), from, to, RedButton.Options.DEFAULTS, to);
        boolean significant = a.metrics().stream().anyMatch(v -> v.series().equals(id) && v.significant());
        if (!significant) {
            audit.record(ex, AuditAction.SUGGESTION_ADOPT, s.name() + "/" + id, false, "not a significant metric");
            throw new HttpError(409, id + " is not a significant metric of service " + s.name()
                    + " over the last " + days + " days (" + a.accepted() + " complaints used, "
                    + a.minimum() + " needed); nothing to adopt");
        }
        RedButtonWorkflow.Adoption done = RedButtonWorkflow.adopt(redButton, s.name(), id, caller.user(), to);
        RedButtonStore.Suggestion sug = done.suggestion().orElseThrow();
        audit.record(ex, AuditAction.SUGGESTION_ADOPT, s.name() + "/" + id, true,
                done.outcome().name().toLowerCase(java.util.Locale.ROOT) + ", suggestion " + sug.id());
        ObjectNode root = Json.MAPPER.createObjectNode().put("outcome", done.outcome().name().toLowerCase(java.util.Locale.ROOT))
                .put("id", sug.id()).put("series", id.toString()).put("t_frustrated", sug.tFrustrated())
                .put("t_satisfied", sug.tSatisfied()).put("apdex_t", sug.apdexT()).put("yaml", done.yaml());
        sug.adoptedAt().ifPresent(t -> root.put("adopted_at", t.toString()));
        sug.adoptedBy().ifPresent(u -> root.put("adopted_by", u));
        try {
            root.set("evidence", Json.MAPPER.readTree(sug.evidence()));
        } catch (IOException e) {
            root.put("evidence", sug.evidence());
        }
        Json.ok(ex, root);
    }

    static SeriesId parseSeries(String text) {
        if (text == null) {
            throw HttpError.badRequest("\"series\" is required: DEVICE:GROUP/INSTANCE/METRIC as the suggestions list it");
        }
        int colon = text.indexOf(':');
        try {
            if (colon <= 0) {
                throw new IllegalArgumentException("expected DEVICE:GROUP/INSTANCE/METRIC");
            }
            return SeriesId.parse(text.substring(0, colon), text.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("series '" + text + "': " + e.getMessage());
        }
    }

    private static int days(HttpServerExchange ex) {
        String v = Json.query(ex, "days").orElse("7");
        try {
            return checkDays(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("query parameter days '" + v + "': expected a whole number of days, 1..93");
        }
    }

    /** Up to the 93 days the stock layout keeps hourly rows for. */
    private static int checkDays(int days) {
        if (days < 1 || days > 93) {
            throw HttpError.badRequest("days " + days + ": expected 1..93");
        }
        return days;
    }

    private static void drain(HttpServerExchange ex) {
        try (InputStream in = ex.getInputStream()) {
            in.readNBytes(Json.MAX_BODY);
        } catch (IOException e) {
            throw HttpError.badRequest("cannot read request body: " + e.getMessage());
        }
    }
}
