package io.mibwatch.simulator.scenario;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which devices a fault applies to: a device name, or a shell-style glob where {@code *} is any
 * run of characters and {@code ?} one character ({@code sw-*}). Matching is exact and case-sensitive,
 * as device names are (they become series ids).
 */
public record DevicePattern(String glob) {

    public DevicePattern {
        Objects.requireNonNull(glob, "glob");
        if (glob.isBlank()) {
            throw new IllegalArgumentException("empty device pattern");
        }
    }

    public boolean matches(String device) {
        return regex().matcher(device).matches();
    }

    private Pattern regex() {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }

    @Override
    public String toString() {
        return glob;
    }
}
