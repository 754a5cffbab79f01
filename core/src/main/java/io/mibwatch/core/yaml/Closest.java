package io.mibwatch.core.yaml;

import java.util.Collection;

/** "Did you mean ...?" for typos in keys, names and enum values. */
public final class Closest {

    private Closest() {
    }

    /**
     * The candidate nearest to {@code typo} by edit distance (case-insensitive), or null when none
     * is close enough to be a plausible typo: one edit, or up to a third of the word for long words
     * (a swap of two neighbouring letters counts as one).
     */
    public static String to(String typo, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String t = typo.toLowerCase(java.util.Locale.ROOT);
        for (String c : candidates) {
            int d = distance(t, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(1, typo.length() / 3);
        // "c" -> "u" is one edit too, but replacing a whole short word is no typo
        return best != null && !best.equals(typo) && bestDistance <= allowed && bestDistance < typo.length()
                ? best : null;
    }

    /** " (did you mean 'x'?)" or "". */
    public static String hint(String typo, Collection<String> candidates) {
        String c = to(typo, candidates);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }

    /** Levenshtein distance; transposed letters count as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
