package io.mibwatch.catalog.metric;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.index;
import static io.mibwatch.core.yaml.YamlReader.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mibwatch.catalog.profile.DeviceProfile;
import io.mibwatch.catalog.profile.DeviceProfiles;
import io.mibwatch.catalog.threshold.Direction;
import io.mibwatch.catalog.threshold.Reference;
import io.mibwatch.catalog.threshold.ReferenceThresholds;
import io.mibwatch.core.series.ValueKind;
import io.mibwatch.core.time.DurationText;
import io.mibwatch.core.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the catalog's YAML data files and validates them, collecting every problem
 * (file, key path, value) before failing with one {@link CatalogException}.
 *
 * <p>The format is described in {@code groups/standard.yaml} and the package documentation.
 */
public final class CatalogLoader {

    /** Where the shipped data lives on the class path. */
    public static final String BASE = "/io/mibwatch/catalog/";
    public static final String INDEX = "catalog.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MIB_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*::[a-z][A-Za-z0-9-]*");

    private static final Set<String> GROUP_KEYS = Set.of("name", "description", "standard", "label", "rowFilter", "metrics");
    private static final Set<String> METRIC_KEYS = Set.of("name", "mib", "oid", "kind", "unit", "indexing",
            "reference", "fallback", "conversion", "derive", "threshold");
    private static final Set<String> THRESHOLD_KEYS = Set.of("warning", "critical", "direction", "rearm", "duration",
            "source");
    private static final Set<String> PROFILE_KEYS = Set.of("name", "description", "sysObjectId", "sysDescr", "groups");

    /** One data file: its name (for messages) and text. */
    public record Source(String name, String text) {
    }

    private final List<String> problems = new ArrayList<>();
    /** Names of the polled metrics the current group declares, valid or not (no cascading errors). */
    private final Set<String> declaredPolled = new HashSet<>();

    private CatalogLoader() {
    }

    /** Loads the catalog shipped in the jar ({@value #INDEX} names the other files). */
    public static MetricCatalog fromClasspath() {
        CatalogLoader l = new CatalogLoader();
        JsonNode root = l.parse(new Source(INDEX, resource(INDEX)));
        if (root == null) {
            throw new CatalogException(l.problems);
        }
        List<Source> groupFiles = new ArrayList<>();
        for (JsonNode f : root.path("groupFiles")) {
            groupFiles.add(new Source(f.asText(), resource(f.asText())));
        }
        String profiles = root.path("profiles").asText();
        return load(groupFiles, new Source(profiles, resource(profiles)));
    }

    /**
     * Loads a catalog from group files (in order) and a profiles file.
     *
     * @throws CatalogException listing every problem found
     */
    public static MetricCatalog load(List<Source> groupFiles, Source profilesFile) {
        CatalogLoader l = new CatalogLoader();
        List<MetricGroup> groups = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        Set<String> groupNames = new HashSet<>();
        for (Source f : groupFiles) {
            JsonNode root = l.parse(f);
            if (root == null) {
                continue;
            }
            l.keys(f.name(), "", root, Set.of("groups"));
            JsonNode list = root.get("groups");
            if (list == null || !list.isArray()) {
                l.problem(f.name(), "groups", "must be a list of groups", list);
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                l.group(f.name(), index("groups", i), list.get(i), groupNames, references)
                        .ifPresent(groups::add);
            }
        }
        DeviceProfiles profiles = l.profiles(profilesFile, groupNames);
        if (!l.problems.isEmpty()) {
            throw new CatalogException(l.problems);
        }
        return new MetricCatalog(groups, profiles, new ReferenceThresholds(references));
    }

    private static String resource(String name) {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new CatalogException(List.of(BASE + name + ": not on the class path"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException(List.of(BASE + name + ": cannot read: " + e.getMessage()));
        }
    }

    private JsonNode parse(Source f) {
        // SnakeYAML rather than Jackson's YAML parser: it resolves anchors/aliases of whole
        // mappings (the data files share threshold blocks that way); duplicate keys are errors
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Object doc = new Yaml(new SafeConstructor(options)).load(f.text());
            if (!(doc instanceof Map)) {
                problems.add(f.name() + ": must be a YAML mapping");
                return null;
            }
            return JSON.valueToTree(doc);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1);
            problems.add(f.name() + ": not valid YAML" + where + ": " + e.getProblem());
            return null;
        } catch (YAMLException e) {
            problems.add(f.name() + ": not valid YAML: " + e.getMessage());
            return null;
        }
    }

    // ---- groups and metrics ------------------------------------------------------------

    private Optional<MetricGroup> group(String file, String path, JsonNode g, Set<String> groupNames,
                                        List<Reference> references) {
        if (!g.isObject()) {
            problem(file, path, "must be a mapping", g);
            return Optional.empty();
        }
        int before = problems.size();
        keys(file, path, g, GROUP_KEYS);
        String name = text(file, key(path, "name"), g, true);
        if (name != null && !name.matches("[a-z][a-z0-9_]*")) {
            problem(file, key(path, "name"), "group names are lower case [a-z0-9_] (they name RRD files and series)", g.get("name"));
        }
        if (name != null && !groupNames.add(name)) {
            problem(file, key(path, "name"), "group defined twice", g.get("name"));
        }
        String description = text(file, key(path, "description"), g, true);
        boolean standard = false;
        if (g.has("standard")) {
            JsonNode sn = g.get("standard");
            if (sn.isBoolean()) {
                standard = sn.booleanValue();
            } else {
                problem(file, key(path, "standard"), "must be true or false", sn);
            }
        }
        Optional<Label> label = Optional.empty();
        if (g.has("label")) {
            JsonNode ln = g.get("label");
            ColumnRef col = columnRef(file, key(path, "label"), ln, Set.of("mib", "oid", "via"));
            Optional<ColumnRef> via = ln.has("via") ? Optional.ofNullable(columnRef(file, key(key(path, "label"), "via"),
                    ln.get("via"), Set.of("mib", "oid"))) : Optional.empty();
            label = col == null ? Optional.empty() : Optional.of(new Label(col, via));
        }
        Optional<RowFilter> filter = Optional.empty();
        if (g.has("rowFilter")) {
            JsonNode fn = g.get("rowFilter");
            ColumnRef col = columnRef(file, key(path, "rowFilter"), fn, Set.of("mib", "oid", "equals"));
            JsonNode eq = fn.get("equals");
            if (eq == null || !eq.canConvertToLong() || !eq.isIntegralNumber()) {
                problem(file, key(key(path, "rowFilter"), "equals"), "must be an integer", eq);
            } else if (col != null) {
                filter = Optional.of(new RowFilter(col, eq.asLong()));
            }
        }
        JsonNode ms = g.get("metrics");
        if (ms == null || !ms.isArray() || ms.isEmpty()) {
            problem(file, key(path, "metrics"), "must be a non-empty list", ms);
            return Optional.empty();
        }
        // first pass: polled metrics; second: derived ones, which take oid/mib/indexing of their first input
        Map<String, MetricDef> byName = new LinkedHashMap<>();
        List<MetricDef> metrics = new ArrayList<>();
        List<Reference> groupRefs = new ArrayList<>();
        declaredPolled.clear();
        for (JsonNode m : ms) {
            if (!"derived".equals(m.path("kind").asText())) {
                declaredPolled.add(m.path("name").asText());
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < ms.size(); i++) {
                JsonNode m = ms.get(i);
                boolean derived = "derived".equals(m.path("kind").asText());
                if (derived != (pass == 1)) {
                    continue;
                }
                metric(file, index(key(path, "metrics"), i), name == null ? "?" : name, m, byName, groupRefs)
                        .ifPresent(d -> byName.put(d.name(), d));
            }
        }
        for (int i = 0; i < ms.size(); i++) {
            MetricDef d = byName.get(ms.get(i).path("name").asText());
            if (d != null && !metrics.contains(d)) {
                metrics.add(d);
            }
        }
        if (problems.size() > before || name == null || description == null) {
            return Optional.empty();
        }
        try {
            MetricGroup mg = new MetricGroup(name, description, metrics, label, filter, standard);
            references.addAll(groupRefs);
            return Optional.of(mg);
        } catch (IllegalArgumentException e) {
            problem(file, path, e.getMessage(), null);
            return Optional.empty();
        }
    }

    private Optional<MetricDef> metric(String file, String path, String group, JsonNode m,
                                       Map<String, MetricDef> defined, List<Reference> refs) {
        if (!m.isObject()) {
            problem(file, path, "must be a mapping", m);
            return Optional.empty();
        }
        int before = problems.size();
        keys(file, path, m, METRIC_KEYS);
        String name = text(file, key(path, "name"), m, true);
        if (name != null && defined.containsKey(name)) {
            problem(file, key(path, "name"), "metric defined twice in group " + group, m.get("name"));
        }
        String kindText = text(file, key(path, "kind"), m, true);
        boolean derived = "derived".equals(kindText);
        ValueKind kind = null;
        if (kindText != null) {
            kind = switch (kindText) {
                case "counter32" -> ValueKind.COUNTER32;
                case "counter64" -> ValueKind.COUNTER64;
                case "gauge", "derived" -> ValueKind.GAUGE;
                default -> {
                    problem(file, key(path, "kind"), "must be counter32, counter64, gauge or derived", m.get("kind"));
                    yield null;
                }
            };
        }
        String unit = text(file, key(path, "unit"), m, true);
        String reference = text(file, key(path, "reference"), m, true);
        String oid;
        String mib;
        Indexing indexing;
        Conversion conversion;
        if (derived) {
            for (String k : List.of("oid", "mib", "fallback", "conversion")) {
                if (m.has(k)) {
                    problem(file, key(path, k), "a derived metric takes it from its first input; remove it", m.get(k));
                }
            }
            conversion = derive(file, key(path, "derive"), m.get("derive"));
            MetricDef first = null;
            if (conversion != null) {
                for (String in : conversion.inputs()) {
                    MetricDef d = defined.get(in);
                    if (d == null && declaredPolled.contains(in)) {
                        first = null; // the input's own problem is reported already
                    } else if (d == null) {
                        problem(file, key(path, "derive"), "input '" + in + "' is not a polled metric of group " + group,
                                m.get("derive"));
                    } else if (first == null) {
                        first = d;
                    }
                }
            }
            oid = first == null ? null : first.oid();
            mib = first == null ? null : first.mib();
            indexing = first == null ? null : first.indexing();
        } else {
            if (m.has("derive")) {
                problem(file, key(path, "derive"), "only kind: derived metrics have a derive formula", m.get("derive"));
            }
            oid = text(file, key(path, "oid"), m, true);
            mib = mibName(file, key(path, "mib"), m);
            indexing = indexing(file, key(path, "indexing"), m.get("indexing"));
            conversion = conversion(file, key(path, "conversion"), m.get("conversion"));
        }
        Optional<Fallback> fallback = Optional.empty();
        if (m.has("fallback")) {
            JsonNode f = m.get("fallback");
            keys(file, key(path, "fallback"), f, Set.of("mib", "oid", "kind"));
            String foid = text(file, key(key(path, "fallback"), "oid"), f, true);
            String fmib = mibName(file, key(key(path, "fallback"), "mib"), f);
            String fkind = text(file, key(key(path, "fallback"), "kind"), f, true);
            if (fkind != null && !fkind.equals("counter32")) {
                problem(file, key(key(path, "fallback"), "kind"), "a fallback is the 32-bit counter: counter32", f.get("kind"));
            } else if (foid != null && fmib != null) {
                try {
                    fallback = Optional.of(new Fallback(foid, ValueKind.COUNTER32, fmib));
                } catch (IllegalArgumentException e) {
                    problem(file, key(key(path, "fallback"), "oid"), e.getMessage(), f.get("oid"));
                }
            }
        }
        Optional<Reference> threshold = m.has("threshold")
                ? threshold(file, key(path, "threshold"), group, name, m.get("threshold")) : Optional.empty();
        if (problems.size() > before || name == null || kind == null || unit == null || reference == null
                || oid == null || mib == null || indexing == null || conversion == null) {
            return Optional.empty();
        }
        try {
            MetricDef d = new MetricDef(group, name, oid, kind, unit, mib, reference, indexing, fallback, conversion);
            threshold.ifPresent(refs::add);
            return Optional.of(d);
        } catch (IllegalArgumentException e) {
            problem(file, path, e.getMessage(), null);
            return Optional.empty();
        }
    }

    private Indexing indexing(String file, String path, JsonNode n) {
        String s = n == null ? null : n.asText();
        if ("scalar".equals(s)) {
            return Indexing.SCALAR;
        }
        if ("column".equals(s)) {
            return Indexing.COLUMN;
        }
        if ("fixedRow".equals(s)) {
            return Indexing.FIXED_ROW;
        }
        problem(file, path, "must be scalar, column or fixedRow", n);
        return null;
    }

    private Conversion conversion(String file, String path, JsonNode n) {
        if (n == null) {
            return Conversion.IDENTITY;
        }
        if (n.isTextual()) {
            switch (n.asText()) {
                case "allocationUnits":
                    return new Conversion.ByAllocationUnits();
                case "sensorScale":
                    return new Conversion.BySensorScale();
                default:
                    break;
            }
        } else if (n.isObject() && n.size() == 1 && n.has("factor")) {
            JsonNode f = n.get("factor");
            if (f.isNumber() && f.asDouble() > 0 && Double.isFinite(f.asDouble())) {
                return new Conversion.Factor(f.asDouble());
            }
            problem(file, key(path, "factor"), "must be a number > 0", f);
            return null;
        }
        problem(file, path, "must be allocationUnits, sensorScale or {factor: NUMBER}", n);
        return null;
    }

    /** {@code voiceR|voiceMos|voiceIcpif: [rttSum, rttCount, jitter, lossSD, lossDS, codec]}. */
    private Conversion voiceScore(String file, String path, String formula, JsonNode args) {
        if (!args.isArray() || args.size() != 6) {
            problem(file, path, "must be a list of six metric names: rttSum, rttCount, jitter, lossSD, lossDS, codec",
                    args);
            return null;
        }
        String[] n = new String[6];
        for (int i = 0; i < 6; i++) {
            if (!args.get(i).isTextual() || args.get(i).asText().isEmpty()) {
                problem(file, index(path, i), "must be a metric name", args.get(i));
                return null;
            }
            n[i] = args.get(i).asText();
        }
        Conversion.VoiceScore.Score score = switch (formula) {
            case "voiceR" -> Conversion.VoiceScore.Score.R;
            case "voiceMos" -> Conversion.VoiceScore.Score.MOS;
            default -> Conversion.VoiceScore.Score.ICPIF;
        };
        return new Conversion.VoiceScore(score, n[0], n[1], n[2], n[3], n[4], n[5]);
    }

    private Conversion derive(String file, String path, JsonNode n) {
        if (n == null || !n.isObject() || n.size() != 1) {
            problem(file, path, "a derived metric needs exactly one of percentOf: [a, b], percentOfSum: [part, rest], "
                    + "percentNotFree: [free, total], utilisation: octetCounter, "
                    + "voiceR|voiceMos|voiceIcpif: [rttSum, rttCount, jitter, lossSD, lossDS, codec]", n);
            return null;
        }
        String formula = n.fieldNames().next();
        JsonNode args = n.get(formula);
        if (formula.equals("utilisation")) {
            if (args.isTextual() && !args.asText().isEmpty()) {
                return new Conversion.Utilisation(args.asText());
            }
            problem(file, key(path, "utilisation"), "must name the octet counter metric", args);
            return null;
        }
        if (formula.equals("voiceR") || formula.equals("voiceMos") || formula.equals("voiceIcpif")) {
            return voiceScore(file, key(path, formula), formula, args);
        }
        if (!args.isArray() || args.size() != 2 || !args.get(0).isTextual() || !args.get(1).isTextual()) {
            problem(file, key(path, formula), "must be a list of two metric names", args);
            return null;
        }
        String a = args.get(0).asText();
        String b = args.get(1).asText();
        return switch (formula) {
            case "percentOf" -> new Conversion.PercentOf(a, b);
            case "percentOfSum" -> new Conversion.PercentOfSum(a, b);
            case "percentNotFree" -> new Conversion.PercentNotFree(a, b);
            default -> {
                problem(file, path, "unknown formula '" + formula
                        + "' (known: percentOf, percentOfSum, percentNotFree, utilisation, voiceR, voiceMos, voiceIcpif)", n);
                yield null;
            }
        };
    }

    private Optional<Reference> threshold(String file, String path, String group, String metric, JsonNode t) {
        if (!t.isObject()) {
            problem(file, path, "must be a mapping", t);
            return Optional.empty();
        }
        int before = problems.size();
        keys(file, path, t, THRESHOLD_KEYS);
        OptionalDouble warning = number(file, key(path, "warning"), t.get("warning"));
        OptionalDouble critical = number(file, key(path, "critical"), t.get("critical"));
        OptionalDouble rearm = number(file, key(path, "rearm"), t.get("rearm"));
        Direction direction = null;
        String d = text(file, key(path, "direction"), t, true);
        if ("high".equals(d)) {
            direction = Direction.HIGH;
        } else if ("low".equals(d)) {
            direction = Direction.LOW;
        } else if (d != null) {
            problem(file, key(path, "direction"), "must be high or low (the bad side)", t.get("direction"));
        }
        Duration duration = t.has("duration") ? duration(file, key(path, "duration"), t.get("duration")) : Duration.ZERO;
        String source = t.has("source") ? t.get("source").asText() : null;
        if (direction != null && duration != null) {
            for (String p : Reference.problems(warning, critical, direction, rearm, duration, source)) {
                problem(file, path, p, null);
            }
        }
        if (problems.size() > before || metric == null || direction == null || duration == null) {
            return Optional.empty();
        }
        return Optional.of(new Reference(group, metric, warning, critical, direction, rearm, duration, source));
    }

    private Duration duration(String file, String path, JsonNode n) {
        Optional<Duration> d = DurationText.parse(n.asText());
        if (d.isEmpty()) {
            problem(file, path, "must be a duration, " + DurationText.EXAMPLES, n);
        }
        return d.orElse(null);
    }

    private OptionalDouble number(String file, String path, JsonNode n) {
        if (n == null) {
            return OptionalDouble.empty();
        }
        if (!n.isNumber()) {
            problem(file, path, "must be a number", n);
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(n.asDouble());
    }

    // ---- profiles ----------------------------------------------------------------------

    private DeviceProfiles profiles(Source f, Set<String> groupNames) {
        JsonNode root = parse(f);
        if (root == null) {
            return null;
        }
        keys(f.name(), "", root, Set.of("profiles"));
        JsonNode list = root.get("profiles");
        if (list == null || !list.isArray()) {
            problem(f.name(), "profiles", "must be a list of profiles", list);
            return null;
        }
        List<DeviceProfile> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = index("profiles", i);
            JsonNode p = list.get(i);
            int before = problems.size();
            keys(f.name(), path, p, PROFILE_KEYS);
            String name = text(f.name(), key(path, "name"), p, true);
            if (name != null && !names.add(name)) {
                problem(f.name(), key(path, "name"), "profile defined twice", p.get("name"));
            }
            String description = text(f.name(), key(path, "description"), p, true);
            List<String> prefixes = new ArrayList<>();
            JsonNode ps = p.path("sysObjectId");
            for (int j = 0; j < ps.size(); j++) {
                String prefix = ps.get(j).asText();
                try {
                    MetricDef.requireDottedOid(prefix, "prefix");
                    prefixes.add(prefix);
                } catch (IllegalArgumentException e) {
                    problem(f.name(), index(key(path, "sysObjectId"), j), "not a dotted OID", ps.get(j));
                }
            }
            boolean isDefault = DeviceProfiles.DEFAULT.equals(name);
            if (isDefault != ps.isEmpty() && problems.size() == before) {
                problem(f.name(), key(path, "sysObjectId"), isDefault ? "the default profile matches by falling back, it has no prefixes"
                        : "a profile needs at least one sysObjectID prefix", p.get("sysObjectId"));
            }
            Optional<Pattern> descr = Optional.empty();
            if (p.has("sysDescr")) {
                try {
                    descr = Optional.of(Pattern.compile(p.get("sysDescr").asText()));
                } catch (PatternSyntaxException e) {
                    problem(f.name(), key(path, "sysDescr"), "not a regular expression: " + e.getDescription(), p.get("sysDescr"));
                }
            }
            List<String> groups = new ArrayList<>();
            JsonNode gs = p.get("groups");
            if (gs == null || !gs.isArray() || gs.isEmpty()) {
                problem(f.name(), key(path, "groups"), "must be a non-empty list of metric groups", gs);
            } else {
                for (int j = 0; j < gs.size(); j++) {
                    String g = gs.get(j).asText();
                    if (!groupNames.contains(g)) {
                        problem(f.name(), index(key(path, "groups"), j), "unknown metric group (known: "
                                + String.join(", ", groupNames.stream().sorted().toList()) + ")", gs.get(j));
                    } else if (groups.contains(g)) {
                        problem(f.name(), index(key(path, "groups"), j), "group listed twice", gs.get(j));
                    } else {
                        groups.add(g);
                    }
                }
            }
            if (problems.size() == before) {
                out.add(new DeviceProfile(name, description, prefixes, descr, groups));
            }
        }
        if (names.stream().noneMatch(DeviceProfiles.DEFAULT::equals)) {
            problem(f.name(), "profiles", "needs a profile named '" + DeviceProfiles.DEFAULT + "'", null);
        }
        return problems.isEmpty() ? new DeviceProfiles(out) : null;
    }

    // ---- small helpers -----------------------------------------------------------------

    private ColumnRef columnRef(String file, String path, JsonNode n, Set<String> allowed) {
        if (n == null || !n.isObject()) {
            problem(file, path, "must be a mapping {mib: MODULE::descriptor, oid: dotted}", n);
            return null;
        }
        keys(file, path, n, allowed);
        String oid = text(file, key(path, "oid"), n, true);
        String mib = mibName(file, key(path, "mib"), n);
        if (oid == null || mib == null) {
            return null;
        }
        try {
            return new ColumnRef(oid, mib);
        } catch (IllegalArgumentException e) {
            problem(file, key(path, "oid"), e.getMessage(), n.get("oid"));
            return null;
        }
    }

    private String mibName(String file, String path, JsonNode parent) {
        String s = text(file, path, parent, true);
        if (s != null && !MIB_NAME.matcher(s).matches()) {
            problem(file, path, "must be MODULE::descriptor", parent.get(path.substring(path.lastIndexOf('.') + 1)));
            return null;
        }
        return s;
    }

    private String text(String file, String path, JsonNode parent, boolean required) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        JsonNode n = parent.get(key);
        if (absent(n)) {
            if (required) {
                problem(file, path, "is required", null);
            }
            return null;
        }
        if (!n.isValueNode() || n.asText().isBlank()) {
            problem(file, path, "must be a non-empty text", n);
            return null;
        }
        return n.asText();
    }

    private void keys(String file, String path, JsonNode n, Set<String> allowed) {
        if (n == null || !n.isObject()) {
            return;
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problem(file, path.isEmpty() ? k : key(path, k), "unknown key (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")", null);
            }
        }
    }

    private void problem(String file, String path, String message, JsonNode value) {
        in(file).add(path, value == null ? null : value.isValueNode() ? "'" + value.asText() + "'" : value.toString(),
                message);
    }

    /** Records the problems of one data file, each as {@code file: key.path: message (value: ...)}. */
    private YamlReader in(String file) {
        return new YamlReader((path, value, message) -> problems.add(file + ": " + path + ": " + message
                + (value == null ? "" : " (value: " + value + ")")));
    }
}
