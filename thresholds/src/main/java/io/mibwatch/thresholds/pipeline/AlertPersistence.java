package io.mibwatch.thresholds.pipeline;

import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.thresholds.alert.Ack;
import io.mibwatch.thresholds.alert.Alert;
import io.mibwatch.thresholds.alert.AlertChanges;
import io.mibwatch.thresholds.alert.AlertId;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.alert.Matcher;
import io.mibwatch.thresholds.alert.NotificationIntent;
import io.mibwatch.thresholds.alert.Silence;
import io.mibwatch.thresholds.alert.Transition;
import io.mibwatch.thresholds.alert.TransitionReason;
import io.mibwatch.thresholds.notify.Notification;
import io.mibwatch.thresholds.store.AckRow;
import io.mibwatch.thresholds.store.AlertRow;
import io.mibwatch.thresholds.store.Batch;
import io.mibwatch.thresholds.store.SilenceRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Pure mappings between the alert tracker and the store / notifiers.
 */
public final class AlertPersistence {

    private AlertPersistence() {
    }

    /**
     * Everything one tracker call changed as one store batch: the alerts (upserted), their
     * transitions, the acks that happened and the notifications of the intents. The transition
     * reason text carries the alert's summary, so the history reads on its own.
     */
    public static Batch toBatch(AlertChanges changes) {
        Map<AlertId, Alert> byId = new HashMap<>();
        changes.alerts().forEach(a -> byId.put(a.id(), a));
        List<io.mibwatch.thresholds.store.TransitionRow> transitions = new ArrayList<>();
        List<AckRow> acks = new ArrayList<>();
        for (Transition t : changes.transitions()) {
            Alert a = byId.get(t.alertId());
            // a resolved alert still carries the summary of its last bad value: not the reason it resolved
            boolean stale = t.reason() == TransitionReason.RESOLVED || t.reason() == TransitionReason.CLEARED;
            transitions.add(toRow(t, a == null || stale ? "" : a.summary()));
            if (t.reason() == TransitionReason.ACKNOWLEDGED && a != null && a.ack().isPresent()) {
                acks.add(toRow(a.id(), a.ack().get()));
            }
        }
        List<AlertRow> upserts = changes.alerts().stream().map(AlertPersistence::toRow).toList();
        List<Notification> notes = changes.intents().stream().map(AlertPersistence::toNotification).toList();
        return new Batch(transitions, upserts, acks, notes);
    }

    public static io.mibwatch.thresholds.store.TransitionRow toRow(Transition t, String summary) {
        String reason = t.reason().name().toLowerCase(Locale.ROOT) + (summary.isEmpty() ? "" : ": " + summary);
        return new io.mibwatch.thresholds.store.TransitionRow(t.alertId().key(), t.from(), t.to(),
                t.severity(), t.at(), value(t.value()), reason);
    }

    public static AlertRow toRow(Alert a) {
        return new AlertRow(a.id().key(), a.rule().value(), a.device(), a.series().path(), a.state(),
                a.severity(), value(a.value()), a.since(), a.pendingSince(), a.firingSince(), a.resolvedAt(),
                a.ack().map(k -> toRow(a.id(), k)), a.silencedBy(), a.suppressedBy(), a.flapping(), a.labels());
    }

    public static AckRow toRow(AlertId id, Ack ack) {
        return new AckRow(id.key(), ack.user(), ack.comment(), ack.at());
    }

    /**
     * The alert as the tracker restores it after a restart. What the row does not hold is
     * derived: the summary is given (the last transition's text), the flap history starts empty,
     * and "last notified" is the stored state when the alert is FIRING and not muted, because the
     * notification of a transition is committed in the same transaction as the transition itself.
     */
    public static Alert toAlert(AlertRow row, String summary) {
        AlertState st = row.state();
        Severity sev = row.severity();
        boolean muted = row.silencedBy().isPresent() || row.suppressedBy().isPresent();
        Optional<Alert.Notified> notified = st == AlertState.FIRING && !muted
                && !row.flapping() ? Optional.of(new Alert.Notified(st, sev)) : Optional.empty();
        return new Alert(AlertId.parse(row.id()), st, sev, row.value().orElse(Double.NaN), summary, row.since(),
                row.pendingSince(), row.firingSince(), row.resolvedAt(),
                row.ack().map(k -> new Ack(k.user(), k.comment(), k.at())), row.silencedBy(), row.suppressedBy(),
                row.flapping(), List.of(), notified);
    }

    /**
     * One outbox notification per intent. Its id, {@code ALERT#KIND@EPOCHMILLIS}, is unique per
     * alert change and the same if the same change were produced again, so receivers can
     * de-duplicate at-least-once deliveries on it.
     */
    public static Notification toNotification(NotificationIntent in) {
        Alert a = in.alert();
        NotificationKind kind = in.kind().announcedAs();
        String id = in.alertId().key() + "#" + in.kind().name().toLowerCase(Locale.ROOT) + "@" + in.at().toEpochMilli();
        // a resolved alert's summary is about its last bad value, not about it being fine now
        String what = kind == NotificationKind.RESOLVED ? "back to normal" : a.summary();
        String title = "[" + kind.name() + " " + in.severity().name() + "] " + a.device() + " " + a.series().path()
                + (what.isEmpty() ? "" : ": " + what);
        StringBuilder body = new StringBuilder();
        body.append("alert: ").append(in.alertId().key()).append('\n')
                .append("rule: ").append(a.rule().value()).append('\n')
                .append("device: ").append(a.device()).append('\n')
                .append("series: ").append(a.series().path()).append('\n')
                .append("state: ").append(a.state().name()).append('\n');
        if (!Double.isNaN(a.value())) {
            body.append("value: ").append(a.value()).append('\n');
        }
        body.append("why: ").append(in.why()).append('\n');
        a.ack().ifPresent(k -> body.append("acknowledged by ").append(k.user()).append(": ").append(k.comment())
                .append('\n'));
        return new Notification(id, in.alertId().key(), kind, in.severity(), title, body.toString(),
                a.labels(), in.at());
    }

    /**
     * A stored silence as the tracker's label matchers. Globs ({@code *}, {@code ?}) become
     * whole-value regexes; a metric glob with a slash ({@code cpu/*}) is GROUP/METRIC.
     */
    public static Silence toSilence(SilenceRow row) {
        List<Matcher> ms = new ArrayList<>();
        SilenceRow.Matcher m = row.matcher();
        addGlob(ms, "device", m.device());
        String metric = m.metric();
        int slash = metric.indexOf('/');
        if (slash >= 0) {
            addGlob(ms, "group", metric.substring(0, slash));
            addGlob(ms, "metric", metric.substring(slash + 1));
        } else {
            addGlob(ms, "metric", metric);
        }
        m.labels().forEach((k, v) -> addGlob(ms, k, v));
        if (ms.isEmpty()) {
            // "everything": still needs one matcher for the tracker
            ms.add(new Matcher("device", Matcher.Op.REGEX, ".*"));
        }
        return new Silence(row.id(), ms, row.start(), row.end(), row.createdBy(), row.comment());
    }

    private static void addGlob(List<Matcher> out, String label, String glob) {
        if (glob.equals("*")) {
            return;
        }
        if (glob.indexOf('*') < 0 && glob.indexOf('?') < 0) {
            out.add(Matcher.equal(label, glob));
            return;
        }
        StringBuilder re = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (lit.length() > 0) {
                    re.append(Pattern.quote(lit.toString()));
                    lit.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                lit.append(c);
            }
        }
        if (lit.length() > 0) {
            re.append(Pattern.quote(lit.toString()));
        }
        out.add(new Matcher(label, Matcher.Op.REGEX, re.toString()));
    }

    private static OptionalDouble value(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
