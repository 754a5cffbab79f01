package io.mibwatch.web.alerts;

import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.time.DurationText;
import io.mibwatch.thresholds.store.AlertRow;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.SilenceRow;
import io.mibwatch.web.http.Access;
import io.mibwatch.web.auth.AuditAction;
import io.mibwatch.web.auth.AuditLog;
import io.mibwatch.web.http.Caller;
import io.mibwatch.web.http.HttpError;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.WebFeature;
import io.undertow.server.HttpServerExchange;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NOC alert page ({@code /}) and its API:
 * <pre>
 * GET    /api/alerts                 active alerts {seq, counts, alerts} (?all=1: every stored alert)
 * GET    /api/alerts/stream          live transitions (server-sent events, see {@link AlertStream})
 * GET    /api/alerts/{id}            one alert with its transitions (id URL-encoded, '/' as %2F)
 * POST   /api/alerts/{id}/ack        {comment}                 operator
 * GET    /api/silences               current and future silences (?all=1: expired too)
 * POST   /api/silences               {device, metric, labels, duration | until, comment}   operator
 * DELETE /api/silences/{id}                                    operator
 * </pre>
 */
public final class AlertsFeature implements WebFeature, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsFeature.class);
    public static final int MAX_COMMENT = 500;

    private final AlertStore store;
    private final AlertControl control;
    private final Clock clock;
    private final AuditLog audit;
    private final AlertStream stream;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param audit     where acknowledgements and silence changes are recorded
     * @param pollEvery how often the live feed looks for new transitions (e.g. 250 ms)
     */
    public AlertsFeature(AlertStore store, AlertControl control, AuditLog audit, Clock clock, Duration pollEvery) {
        this.store = store;
        this.control = control;
        this.audit = java.util.Objects.requireNonNull(audit, "audit");
        this.clock = clock;
        this.stream = new AlertStream(store, pollEvery);
        stream.start();
    }

    public AlertStream stream() {
        return stream;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                // the page carries no data; reporters are sent on to the red button by its script
                Route.page("/", Access.REPORT, "alerts.html"),
                Route.get("/api/alerts", Access.VIEW, this::list),
                Route.get("/api/alerts/stream", Access.VIEW, stream.handler()),
                Route.get("/api/alerts/{id}", Access.VIEW, this::one),
                Route.post("/api/alerts/{id}/ack", Access.OPERATE, this::ack),
                Route.get("/api/silences", Access.VIEW, this::silences),
                Route.post("/api/silences", Access.OPERATE, this::addSilence),
                Route.delete("/api/silences/{id}", Access.OPERATE, this::removeSilence));
    }

    private void list(HttpServerExchange ex) {
        boolean all = Json.query(ex, "all").map(v -> v.equals("1") || v.equals("true")).orElse(false);
        long seq = stream.currentSeq();
        List<AlertRow> rows = (all ? store.alerts() : store.activeAlerts()).stream().sorted(AlertView.ORDER).toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        EnumMap<Severity, Integer> bySeverity =
                new EnumMap<>(Severity.class);
        for (AlertRow r : rows) {
            if (r.state().active()) {
                bySeverity.merge(r.severity(), 1, Integer::sum);
            }
        }
        for (var s : List.of(Severity.CRITICAL,
                Severity.WARNING, Severity.INFO)) {
            counts.put(s.name().toLowerCase(Locale.ROOT), bySeverity.getOrDefault(s, 0));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("seq", seq);
        body.put("counts", counts);
        body.put("alerts", rows.stream().map(AlertView::of).toList());
        Json.ok(ex, body);
    }

    private void one(HttpServerExchange ex) {
        String id = alertId(ex);
        AlertRow row = store.alert(id).orElseThrow(() -> HttpError.notFound("no alert '" + id + "'"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alert", AlertView.of(row));
        body.put("transitions", store.history(id).stream().map(AlertView.TransitionView::of).toList());
        Json.ok(ex, body);
    }

    record AckBody(String comment) {
    }

    private void ack(HttpServerExchange ex) {
        String id = alertId(ex);
        Caller caller = Caller.required(ex);
        AckBody body = Json.read(ex, AckBody.class);
        String comment = comment(body.comment(), true);
        if (store.alert(id).isEmpty()) {
            throw HttpError.notFound("no alert '" + id + "'");
        }
        AlertControl.AckOutcome outcome;
        try {
            outcome = control.acknowledge(id, caller.user(), comment);
        } catch (NoSuchElementException e) {
            audit.record(ex, AuditAction.ACK, id, false, "not active any more");
            throw new HttpError(409, "alert '" + id + "' is not active any more");
        } catch (IllegalStateException e) {
            audit.record(ex, AuditAction.ACK, id, false, e.getMessage());
            throw new HttpError(409, e.getMessage());
        }
        LOG.info("alert {} ack by '{}': {}", id, caller.user(), outcome.message());
        audit.record(ex, AuditAction.ACK, id, outcome.acknowledged(),
                outcome.acknowledged() ? comment : outcome.message());
        if (!outcome.acknowledged()) {
            throw new HttpError(409, outcome.message());
        }
        Json.ok(ex, Map.of("alert", store.alert(id).map(AlertView::of).orElseThrow(), "message", outcome.message()));
    }

    private void silences(HttpServerExchange ex) {
        boolean all = Json.query(ex, "all").map(v -> v.equals("1") || v.equals("true")).orElse(false);
        Instant now = clock.instant();
        Json.ok(ex, store.silences().stream().filter(s -> all || s.end().isAfter(now))
                .map(s -> silenceView(s, now)).toList());
    }

    /**
     * @param duration e.g. "90s", "30m", "1h30m", "1w" ({@link DurationText}; from now, or from {@code start})
     * @param until    ISO-8601 instant instead of a duration
     * @param start    ISO-8601 instant; default now
     */
    record SilenceBody(String device, String metric, Map<String, String> labels, String duration, String until,
                       String start, String comment) {
    }

    private void addSilence(HttpServerExchange ex) {
        Caller caller = Caller.required(ex);
        SilenceBody b = Json.read(ex, SilenceBody.class);
        Instant now = clock.instant();
        String device = glob("device", b.device());
        String metric = glob("metric", b.metric());
        Map<String, String> labels = b.labels() == null ? Map.of() : b.labels();
        labels.forEach((k, v) -> glob("labels." + k, v));
        Instant start = b.start() == null ? now : instant("start", b.start());
        Instant end;
        if ((b.duration() == null) == (b.until() == null)) {
            throw HttpError.badRequest("give exactly one of 'duration' (e.g. \"2h\") or 'until' (ISO-8601 time)");
        }
        end = b.duration() != null ? start.plus(span(b.duration())) : instant("until", b.until());
        if (!end.isAfter(start) || !end.isAfter(now)) {
            throw HttpError.badRequest("'until' " + end + " must be after the start " + start + " and in the future");
        }
        SilenceRow.lengthProblem(start, end).ifPresent(p -> {
            throw HttpError.badRequest(p);
        });
        String id = "s-" + HexFormat.of().formatHex(randomBytes(4));
        SilenceRow row = new SilenceRow(id, new SilenceRow.Matcher(device, metric, labels), start, end,
                caller.user(), comment(b.comment(), true));
        control.addSilence(row);
        audit.record(ex, AuditAction.SILENCE_ADD, id, true, "device " + device + ", metric " + metric
                + (labels.isEmpty() ? "" : ", labels " + labels) + ", until " + end);
        LOG.info("silence {} ({} {} {}) until {} by '{}'", id, device, metric, labels, end, caller.user());
        Json.send(ex, 201, silenceView(row, now));
    }

    private void removeSilence(HttpServerExchange ex) {
        String id = Json.pathParam(ex, "id");
        if (!control.removeSilence(id)) {
            audit.record(ex, AuditAction.SILENCE_REMOVE, id, false, "no such silence");
            throw HttpError.notFound("no silence '" + id + "'");
        }
        LOG.info("silence {} removed by '{}'", id, Caller.required(ex).user());
        audit.record(ex, AuditAction.SILENCE_REMOVE, id, true, "");
        ex.setStatusCode(204);
        ex.endExchange();
    }

    private static Map<String, Object> silenceView(SilenceRow s, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("device", s.matcher().device());
        m.put("metric", s.matcher().metric());
        m.put("labels", s.matcher().labels());
        m.put("start", s.start());
        m.put("end", s.end());
        m.put("active", s.activeAt(now));
        m.put("createdBy", s.createdBy());
        m.put("comment", s.comment());
        return m;
    }

    /**
     * The {id} path parameter. Alert ids contain '/', which a client sends as %2F; Undertow leaves
     * %2F encoded (a decoded slash would change the path's structure), so it is decoded here.
     */
    static String alertId(HttpServerExchange ex) {
        return Json.pathParam(ex, "id").replace("%2F", "/").replace("%2f", "/");
    }

    private static String comment(String c, boolean required) {
        String t = c == null ? "" : c.strip();
        if (required && t.isEmpty()) {
            throw HttpError.badRequest("'comment' is required: say who is on it or why");
        }
        if (t.length() > MAX_COMMENT) {
            throw HttpError.badRequest("'comment' is " + t.length() + " characters; at most " + MAX_COMMENT);
        }
        return t;
    }

    private static String glob(String field, String g) {
        String t = g == null || g.isBlank() ? "*" : g.strip();
        if (t.length() > 200 || t.chars().anyMatch(ch -> ch < 0x20)) {
            throw HttpError.badRequest("'" + field + "' is not a usable glob: " + t);
        }
        return t;
    }

    /** The silence's 'duration': positive, in the grammar {@code mibwatch silence add --for} takes too. */
    static Duration span(String text) {
        Duration d = DurationText.parse(text).orElseThrow(() -> HttpError.badRequest(
                "'duration' " + text + " is not a duration (" + DurationText.EXAMPLES + ")"));
        if (d.isZero()) {
            throw HttpError.badRequest("'duration' must be positive, got " + text);
        }
        return d;
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest("'" + field + "' " + text + " is not an ISO-8601 time, e.g. 2026-11-21T18:00:00Z");
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Override
    public void close() {
        stream.close();
    }
}
