package io.mibwatch.web.devices;

import java.util.Comparator;

/**
 * Orders {@code group/instance} keys so that numeric OID indexes sort as numbers, arc by arc
 * ({@code if/2} before {@code if/10}, {@code 9.1.0.0} before {@code 10.1.0.0}); other text sorts
 * as text; the empty instance of a scalar group comes first. Pure.
 */
enum InstanceOrder implements Comparator<String> {
    INSTANCE;

    @Override
    public int compare(String a, String b) {
        String[] x = a.split("[/.]", -1);
        String[] y = b.split("[/.]", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = part(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(x.length, y.length);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int part(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(!a.isEmpty(), !b.isEmpty()); // the scalar (empty) instance first
        }
        boolean na = !a.isEmpty() && a.chars().allMatch(Character::isDigit) && a.length() < 19;
        boolean nb = !b.isEmpty() && b.chars().allMatch(Character::isDigit) && b.length() < 19;
        if (na && nb) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
