package io.mibwatch.catalog.metric;

import java.util.List;

/**
 * The catalog data is invalid. Carries every problem found, each naming the file, the
 * key path and the offending value, so one run shows all of them.
 */
public final class CatalogException extends IllegalStateException {
    private final List<String> problems;

    public CatalogException(List<String> problems) {
        super("invalid metric catalog (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
