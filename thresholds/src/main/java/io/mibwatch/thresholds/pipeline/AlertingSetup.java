package io.mibwatch.thresholds.pipeline;

import io.mibwatch.catalog.threshold.Direction;
import io.mibwatch.config.DeviceConfig;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.config.NotificationsConfig;
import io.mibwatch.config.ThresholdsConfig;
import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.thresholds.alert.Dependencies;
import io.mibwatch.thresholds.notify.Channel;
import io.mibwatch.thresholds.notify.EmailChannel;
import io.mibwatch.thresholds.notify.Route;
import io.mibwatch.thresholds.notify.Router;
import io.mibwatch.thresholds.notify.SyslogChannel;
import io.mibwatch.thresholds.notify.WebhookChannel;
import io.mibwatch.thresholds.rule.ChangeRule;
import io.mibwatch.thresholds.rule.Levels;
import io.mibwatch.thresholds.rule.PercentageRule;
import io.mibwatch.thresholds.rule.Rule;
import io.mibwatch.thresholds.rule.RuleBinding;
import io.mibwatch.thresholds.rule.RuleConfig;
import io.mibwatch.thresholds.rule.RuleId;
import io.mibwatch.thresholds.rule.RuleOverride;
import io.mibwatch.thresholds.rule.Selector;
import io.mibwatch.thresholds.rule.StaticThreshold;
import io.mibwatch.thresholds.rule.Unreachable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the validated config records onto the rule engine's, tracker's and notifiers' types.
 * The config was validated already; what the target types still refuse (e.g. levels that the
 * catalog's stricter check rejects) surfaces as {@link IllegalArgumentException} naming the key.
 */
public final class AlertingSetup {

    private AlertingSetup() {
    }

    public static RuleConfig rules(ThresholdsConfig t) {
        Levels pct = t.percentageLevels().map(l -> levels("thresholds.percentage_levels", l))
                .orElse(PercentageRule.DEFAULT_LEVELS);
        Unreachable u = new Unreachable(Unreachable.DEFAULT.id(), t.unreachablePolls(), Unreachable.DEFAULT.severity());
        List<RuleOverride> overrides = new ArrayList<>();
        for (int i = 0; i < t.overrides().size(); i++) {
            ThresholdsConfig.Override o = t.overrides().get(i);
            RuleOverride.Action a = o.disable() ? new RuleOverride.Disable()
                    : o.levels().<RuleOverride.Action>map(l -> new RuleOverride.UseLevels(levels(
                            "thresholds.overrides[" + overrides.size() + "].levels", l)))
                    .orElse(new RuleOverride.Enable());
            overrides.add(new RuleOverride(selector(o.match()), a));
        }
        List<RuleBinding> rules = new ArrayList<>();
        for (ThresholdsConfig.UserRule r : t.rules()) {
            rules.add(new RuleBinding(selector(r.match()), rule(r)));
        }
        return new RuleConfig(t.vendorReferences(), t.percentageDefaults(), pct, true, u,
                RuleConfig.DEFAULTS.reboot(), RuleConfig.DEFAULTS.interfaceDown(), rules, overrides);
    }

    static Rule rule(ThresholdsConfig.UserRule r) {
        Levels l = levels("thresholds.rules." + r.name() + ".levels", r.levels());
        RuleId id = RuleId.of(r.name());
        return switch (r.kind()) {
            case STATIC -> new StaticThreshold(id, l);
            case RELATIVE_CHANGE -> new ChangeRule(id, ChangeRule.Kind.RELATIVE, r.watch(), r.against(), l);
            case ABSOLUTE_CHANGE -> new ChangeRule(id, ChangeRule.Kind.ABSOLUTE, r.watch(), r.against(), l);
        };
    }

    static Levels levels(String where, ThresholdsConfig.Levels l) {
        try {
            return new Levels(l.high() ? Direction.HIGH : Direction.LOW, l.warning(), l.critical(), l.rearm(),
                    l.triggerCount(), l.forDuration());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    static Selector selector(ThresholdsConfig.Match m) {
        return new Selector(m.device(), m.group(), m.metric(), m.instance());
    }

    /** child -> parent from the devices' {@code parent} keys. */
    public static Dependencies dependencies(MibwatchConfig c) {
        Map<String, String> parents = new LinkedHashMap<>();
        for (DeviceConfig d : c.devices()) {
            d.parent().ifPresent(p -> parents.put(d.name(), p));
        }
        return new Dependencies(parents);
    }

    public static List<Channel> channels(NotificationsConfig n) {
        List<Channel> out = new ArrayList<>();
        for (NotificationsConfig.Channel c : n.channels()) {
            if (c instanceof NotificationsConfig.Webhook w) {
                out.add(new WebhookChannel(new WebhookChannel.Config(w.name(), w.url(), w.bearerToken(), w.timeout())));
            } else if (c instanceof NotificationsConfig.Email e) {
                out.add(new EmailChannel(new EmailChannel.Config(e.name(), e.host(), e.port(),
                        e.startTls(), e.user(), e.password(), e.from(), e.to(),
                        e.timeout())));
            } else if (c instanceof NotificationsConfig.Syslog s) {
                out.add(new SyslogChannel(new SyslogChannel.Config(s.name(), s.host(), s.port(), s.facility(),
                        hostname())));
            }
        }
        return out;
    }

    public static Router router(NotificationsConfig n) {
        List<Route> routes = new ArrayList<>();
        for (NotificationsConfig.Route r : n.routes()) {
            Set<NotificationKind> kinds = r.kinds().isEmpty() ? Set.of() : EnumSet.copyOf(r.kinds());
            routes.add(new Route(r.name(), r.minSeverity(), kinds, r.labels(), r.channels(),
                    r.continueMatching()));
        }
        return new Router(routes, n.channels().stream().map(NotificationsConfig.Channel::name).toList());
    }

    private static String hostname() {
        try {
            String h = InetAddress.getLocalHost().getCanonicalHostName();
            return h == null || h.isEmpty() ? "-" : h;
        } catch (UnknownHostException e) {
            return "-";
        }
    }

}
