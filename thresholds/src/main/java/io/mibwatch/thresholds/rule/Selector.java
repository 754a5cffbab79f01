package io.mibwatch.thresholds.rule;

import io.mibwatch.core.series.SeriesId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which series a rule binding or an override applies to. Each field is an exact name, a
 * glob with {@code *} (e.g. {@code core-*}), or {@code *} for any.
 */
public record Selector(String device, String group, String metric, String instance) {

    public static final String ANY = "*";
    public static final Selector ALL = new Selector(ANY, ANY, ANY, ANY);

    public Selector {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(instance, "instance");
    }

    public static Selector metric(String group, String metric) {
        return new Selector(ANY, group, metric, ANY);
    }

    public static Selector device(String device) {
        return new Selector(device, ANY, ANY, ANY);
    }

    public boolean matches(String device, String group, String metric, String instance) {
        return glob(this.device, device) && glob(this.group, group) && glob(this.metric, metric)
                && glob(this.instance, instance);
    }

    public boolean matches(SeriesId s) {
        return matches(s.device(), s.group(), s.metric(), s.instance());
    }

    /**
     * How narrow the selector is, to pick the override that wins. Fields weigh device 8,
     * instance 4, metric 2, group 1, so anything naming the device beats anything that does
     * not (per-device config is the operator's most local intent: "lab-* off" beats "cpu/load
     * levels everywhere"), and then the narrower series selection wins.
     */
    public int specificity() {
        return (device.equals(ANY) ? 0 : 8) + (instance.equals(ANY) ? 0 : 4) + (metric.equals(ANY) ? 0 : 2)
                + (group.equals(ANY) ? 0 : 1);
    }

    private static boolean glob(String pattern, String value) {
        if (pattern.equals(ANY)) {
            return true;
        }
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(value);
        }
        StringBuilder re = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (re.length() > 0 || pattern.startsWith("*")) {
                re.append(".*");
            }
            re.append(Pattern.quote(part));
        }
        return Pattern.matches(re.toString(), value);
    }

    @Override
    public String toString() {
        return "device=" + device + " group=" + group + " metric=" + metric + " instance=" + instance;
    }
}
