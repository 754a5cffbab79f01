package io.mibwatch.web.explorer;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The N largest items by a value (busiest interfaces, highest CPU). Unknown values (NaN) sort
 * last: a series that stopped reporting is not "the busiest". Ties keep a stable order by name
 * so the table does not shuffle between refreshes. Pure.
 */
public final class TopN {
    private TopN() {
    }

    public static <T> List<T> of(List<T> items, int n, ToDoubleFunction<T> value, Function<T, String> name) {
        if (n < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + n);
        }
        Comparator<T> byValue = (a, b) -> {
            double x = value.applyAsDouble(a);
            double y = value.applyAsDouble(b);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
            }
            return Double.compare(y, x);
        };
        return items.stream().sorted(byValue.thenComparing(name)).limit(n).toList();
    }
}
