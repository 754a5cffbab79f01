package io.mibwatch.config;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.show;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.core.time.DurationText;
import java.time.Duration;
import java.util.Set;

/** Reads the {@code rrd:} section; every problem recorded with its key path, reading goes on. */
final class RrdReader {
    static final Set<String> RRD_KEYS = Set.of("write_behind");

    private final Problems problems;

    RrdReader(Problems problems) {
        this.problems = problems;
    }

    RrdConfig read(JsonNode n) {
        if (absent(n)) {
            return RrdConfig.DEFAULT;
        }
        if (problems.mapping("rrd", n, RRD_KEYS, "write_behind") == null) {
            return RrdConfig.DEFAULT;
        }
        Duration writeBehind = RrdConfig.DEFAULT.writeBehind();
        if (!absent(n.get("write_behind"))) {
            Duration d = writeBehind("rrd.write_behind", n.get("write_behind"));
            if (d != null) {
                writeBehind = d;
            }
        }
        return new RrdConfig(writeBehind);
    }

    /** Zero or a positive duration up to {@link RrdConfig#MAX_WRITE_BEHIND}; null after an error. */
    private Duration writeBehind(String path, JsonNode n) {
        Duration d = null;
        boolean negative = false;
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            negative = n.intValue() < 0;
            d = Duration.ofSeconds(Math.abs((long) n.intValue()));
        } else if (n.isTextual()) {
            String t = n.textValue().trim();
            negative = t.startsWith("-");
            d = DurationText.parseOrSeconds(negative ? t.substring(1) : t).orElse(null);
        }
        if (d == null) {
            problems.add(path, show(n), "not a duration (" + DurationText.EXAMPLES_OR_SECONDS
                    + "; 0s writes every poll at once)");
            return null;
        }
        if (negative && !d.isZero()) {
            problems.add(path, show(n), "must not be negative: 0s writes every poll at once, "
                    + "up to " + DurationText.format(RrdConfig.MAX_WRITE_BEHIND) + " holds rows in memory");
            return null;
        }
        if (d.compareTo(RrdConfig.MAX_WRITE_BEHIND) > 0) {
            problems.add(path, show(n), "at most " + DurationText.format(RrdConfig.MAX_WRITE_BEHIND)
                    + ": longer would hold too much data in memory, all of it lost on a crash or kill -9");
            return null;
        }
        return d;
    }
}
