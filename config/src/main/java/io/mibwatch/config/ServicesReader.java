package io.mibwatch.config;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.index;
import static io.mibwatch.core.yaml.YamlReader.key;
import static io.mibwatch.core.yaml.YamlReader.show;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.core.yaml.Closest;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code services:} section; every problem recorded with its key path, reading goes on. */
final class ServicesReader {

    static final Set<String> SERVICE_KEYS = Set.of("name", "members", "window", "working_hours", "apdex_alert");
    static final Set<String> MEMBER_KEYS = Set.of("device", "series", "t", "lower_is_better");
    static final Set<String> HOURS_KEYS = Set.of("days", "zone");
    static final Set<String> ALERT_KEYS = Set.of("below", "for");
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    /** Same shape as SeriesId's text form: GROUP/INSTANCE/METRIC, instance may be empty. */
    private static final Pattern SERIES = Pattern.compile("[A-Za-z0-9_.:-]+/[A-Za-z0-9_.:-]*/[A-Za-z0-9_.:-]+");
    private static final Pattern TARGET = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s)?");
    private static final Pattern HOURS = Pattern.compile(
            "([A-Za-z]{3})(?:-([A-Za-z]{3}))?\\s+(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    private final Problems problems;

    ServicesReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param deviceNames devices declared in the file: a member naming another device is a typo
     */
    ServicesConfig read(JsonNode n, Set<String> deviceNames) {
        if (absent(n)) {
            return ServicesConfig.NONE;
        }
        Set<String> names = new HashSet<>();
        return new ServicesConfig(problems.items("services", n, "expected a list of services ({name, members, ...})",
                (path, s) -> problems.uniqueName(service(path, s, deviceNames), ServicesConfig.Service::name, path, names,
                        "duplicate service name")));
    }

    private ServicesConfig.Service service(String path, JsonNode n, Set<String> deviceNames) {
        if (problems.mapping(path, n, SERVICE_KEYS, "a service: name, members, window, working_hours, apdex_alert")
                == null) {
            return null;
        }
        int before = problems.count();
        String name = problems.requiredText(key(path, "name"), n.get("name"));
        if (name != null && !DevicesReader.DEVICE_NAME.matcher(name).matches()) {
            problems.add(key(path, "name"), name, "must match " + DevicesReader.DEVICE_NAME.pattern()
                    + " (it is used in CLI arguments and API paths)");
        }
        List<ServicesConfig.Member> members = new ArrayList<>();
        JsonNode m = n.get("members");
        String mpath = key(path, "members");
        if (absent(m)) {
            problems.add(mpath, null, "required: at least one {device, series, t}");
        } else if (!m.isArray() || m.isEmpty()) {
            problems.add(mpath, show(m), "expected a non-empty list of {device, series, t}");
        } else {
            for (int i = 0; i < m.size(); i++) {
                ServicesConfig.Member member = member(index(mpath, i), m.get(i), deviceNames);
                if (member != null) {
                    members.add(member);
                }
            }
        }
        Duration window = absent(n.get("window")) ? DEFAULT_WINDOW
                : problems.duration(key(path, "window"), n.get("window"));
        Optional<ServicesConfig.WorkingHours> hours = absent(n.get("working_hours")) ? Optional.empty()
                : Optional.ofNullable(workingHours(key(path, "working_hours"), n.get("working_hours")));
        Optional<ServicesConfig.ApdexAlert> alert = absent(n.get("apdex_alert")) ? Optional.empty()
                : Optional.ofNullable(alert(key(path, "apdex_alert"), n.get("apdex_alert")));
        if (problems.count() != before) {
            return null;
        }
        return new ServicesConfig.Service(name, members, window, hours, alert);
    }

    private ServicesConfig.Member member(String path, JsonNode n, Set<String> deviceNames) {
        if (problems.mapping(path, n, MEMBER_KEYS, "a member: device, series, t, lower_is_better") == null) {
            return null;
        }
        int before = problems.count();
        String device = problems.requiredText(key(path, "device"), n.get("device"));
        if (device != null && !deviceNames.contains(device)) {
            problems.add(key(path, "device"), device, "no such device under devices"
                    + Closest.hint(device, deviceNames));
        }
        String series = problems.requiredText(key(path, "series"), n.get("series"));
        if (series != null && !SERIES.matcher(series).matches()) {
            problems.add(key(path, "series"), series,
                    "expected GROUP/INSTANCE/METRIC, e.g. ipsla/10/rttAvg or system//uptime");
        }
        ServicesConfig.Target t = target(key(path, "t"), n.get("t"));
        boolean lower = true;
        if (!absent(n.get("lower_is_better"))) {
            Boolean b = problems.bool(key(path, "lower_is_better"), n.get("lower_is_better"));
            lower = b == null || b;
        }
        if (problems.count() != before) {
            return null;
        }
        return new ServicesConfig.Member(device, series, t, lower);
    }

    /** {@code 150ms}, {@code 0.2s}, {@code 30} (metric's own unit). Positive: T = 0 would frustrate everything. */
    private ServicesConfig.Target target(String path, JsonNode n) {
        if (absent(n)) {
            problems.add(path, null, "required: the Apdex target T, e.g. 150ms or a number in the metric's unit");
            return null;
        }
        ServicesConfig.Target t = null;
        if (n.isNumber() && Double.isFinite(n.doubleValue())) {
            t = new ServicesConfig.Target(n.doubleValue(), Optional.empty());
        } else if (n.isTextual()) {
            Matcher m = TARGET.matcher(n.textValue().trim());
            if (m.matches()) {
                t = new ServicesConfig.Target(Double.parseDouble(m.group(1)), Optional.ofNullable(m.group(2)));
            }
        }
        if (t == null) {
            problems.add(path, show(n), "not a target: a number in the metric's unit, or a time: 150ms, 0.2s, 800us");
            return null;
        }
        if (!(t.value() > 0)) {
            problems.add(path, show(n), "must be positive");
            return null;
        }
        return t;
    }

    /** {@code "Mon-Fri 08:00-18:00"} (zone: the system's) or {@code {days: "...", zone: Europe/Paris}}. */
    private ServicesConfig.WorkingHours workingHours(String path, JsonNode n) {
        String text;
        ZoneId zone = ZoneId.systemDefault();
        String textPath = path;
        if (n.isObject()) {
            problems.unknownKeys(path, n, HOURS_KEYS);
            textPath = key(path, "days");
            text = problems.requiredText(textPath, n.get("days"));
            if (!absent(n.get("zone"))) {
                String z = problems.requiredText(key(path, "zone"), n.get("zone"));
                if (z == null) {
                    return null;
                }
                try {
                    zone = ZoneId.of(z);
                } catch (DateTimeException e) {
                    problems.add(key(path, "zone"), z, "unknown time zone (e.g. UTC, Europe/Paris)");
                    return null;
                }
            }
        } else {
            text = problems.text(path, n);
        }
        if (text == null) {
            return null;
        }
        Matcher m = HOURS.matcher(text.trim());
        String expected = "expected DAY[-DAY] HH:MM-HH:MM, e.g. \"Mon-Fri 08:00-18:00\"";
        if (!m.matches()) {
            problems.add(textPath, text, expected);
            return null;
        }
        DayOfWeek first = day(m.group(1));
        DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
        LocalTime from;
        LocalTime to;
        try {
            from = LocalTime.parse(m.group(3));
            to = LocalTime.parse(m.group(4));
        } catch (DateTimeParseException e) {
            problems.add(textPath, text, "not a time of day (00:00..23:59); " + expected);
            return null;
        }
        if (first == null || last == null) {
            problems.add(textPath, text, "days are Mon, Tue, Wed, Thu, Fri, Sat, Sun; " + expected);
            return null;
        }
        if (!from.isBefore(to)) {
            problems.add(textPath, text, "the start must be before the end (overnight hours are not supported)");
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d = first; ; d = d.plus(1)) {
            days.add(d);
            if (d == last) {
                break;
            }
        }
        return new ServicesConfig.WorkingHours(days, from, to, zone);
    }

    private static DayOfWeek day(String abbrev) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(abbrev)) {
                return d;
            }
        }
        return null;
    }

    private ServicesConfig.ApdexAlert alert(String path, JsonNode n) {
        if (problems.mapping(path, n, ALERT_KEYS, "{below: 0.85, for: 10m}") == null) {
            return null;
        }
        JsonNode b = n.get("below");
        Double below = null;
        if (absent(b)) {
            problems.add(key(path, "below"), null, "required: the Apdex level, between 0 and 1, e.g. 0.85");
        } else if (!b.isNumber() || b.doubleValue() <= 0 || b.doubleValue() > 1) {
            problems.add(key(path, "below"), show(b), "an Apdex level is a number in (0, 1], e.g. 0.85");
        } else {
            below = b.doubleValue();
        }
        Duration forDuration = absent(n.get("for")) ? Duration.ZERO : problems.duration(key(path, "for"), n.get("for"));
        if (below == null || forDuration == null) {
            return null;
        }
        return new ServicesConfig.ApdexAlert(below, forDuration);
    }
}
