package io.mibwatch.thresholds.notify;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A shell-style glob on a whole string: {@code *} any run of characters, {@code ?} exactly one,
 * everything else literal (no character classes: device names never need them). Used by routes
 * and silences alike, so a user writes the same pattern in both places.
 */
public record Glob(String pattern) {

    public Glob {
        Objects.requireNonNull(pattern, "pattern");
    }

    public static boolean matches(String pattern, String value) {
        return new Glob(pattern).matches(value);
    }

    public boolean matches(String value) {
        StringBuilder re = new StringBuilder();
        int lit = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                re.append(Pattern.quote(pattern.substring(lit, i))).append(c == '*' ? ".*" : ".");
                lit = i + 1;
            }
        }
        re.append(Pattern.quote(pattern.substring(lit)));
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(value).matches();
    }
}
