package io.mibwatch.config;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.show;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.core.time.DurationText;
import java.time.Duration;
import java.util.Set;

/**
 * Reads the {@code defaults:} section (polling defaults every device inherits) and the polling
 * values a device may override, so both are checked by the same rules.
 */
final class DefaultsReader {

    static final Set<String> DEFAULTS_KEYS =
            Set.of("interval", "timeout", "retries", "max_repetitions", "max_outstanding", "credentials");

    /**
     * Defaults as read; fields are the stock value wherever the file's value was bad.
     *
     * @param intervalRefused the file's {@code defaults.interval} was refused (its error is
     *                        reported), so the stock interval in {@code values} is no bound for a timeout
     * @param timeoutRefused  likewise for {@code defaults.timeout}
     */
    record Read(Defaults values, String credentials, boolean intervalRefused, boolean timeoutRefused) {
    }

    private final Problems problems;
    private final CredentialsReader credentials;

    DefaultsReader(Problems problems, CredentialsReader credentials) {
        this.problems = problems;
        this.credentials = credentials;
    }

    Read read(JsonNode n) {
        Defaults stock = Defaults.STOCK;
        if (absent(n)) {
            return new Read(stock, null, false, false);
        }
        if (problems.mapping("defaults", n, DEFAULTS_KEYS, "polling defaults") == null) {
            return new Read(stock, null, false, false);
        }
        Duration intervalRead = interval("defaults.interval", n.get("interval"));
        Duration timeoutRead = timeout("defaults.timeout", n.get("timeout"));
        boolean intervalRefused = !absent(n.get("interval")) && intervalRead == null;
        boolean timeoutRefused = !absent(n.get("timeout")) && timeoutRead == null;
        Duration interval = or(intervalRead, stock.interval());
        Duration timeout = or(timeoutRead, stock.timeout());
        // a refused value is reported once; its stock stand-in is not compared with the other one
        if ((!absent(n.get("interval")) || !absent(n.get("timeout"))) && !intervalRefused && !timeoutRefused) {
            checkTimeout(absent(n.get("timeout")) ? "defaults.interval" : "defaults.timeout",
                    absent(n.get("timeout")) ? n.get("interval") : n.get("timeout"), timeout, interval);
        }
        int retries = or(retries("defaults.retries", n.get("retries")), stock.retries());
        int maxRep = or(maxRepetitions("defaults.max_repetitions", n.get("max_repetitions")), stock.maxRepetitions());
        int maxOut = or(maxOutstanding("defaults.max_outstanding", n.get("max_outstanding")), stock.maxOutstanding());
        String creds = null;
        if (!absent(n.get("credentials"))) {
            creds = credentials.reference("defaults.credentials", n.get("credentials"));
        }
        return new Read(new Defaults(interval, timeout, retries, maxRep, maxOut), creds, intervalRefused, timeoutRefused);
    }

    Duration interval(String path, JsonNode n) {
        if (absent(n)) {
            return null;
        }
        Duration d = problems.duration(path, n);
        if (d != null && d.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add(path, show(n), "interval must be at least 1s");
            return null;
        }
        return d;
    }

    Duration timeout(String path, JsonNode n) {
        return absent(n) ? null : problems.duration(path, n);
    }

    /** A request must time out before the next poll is due, or polls pile up behind a dead agent. */
    void checkTimeout(String path, JsonNode written, Duration timeout, Duration interval) {
        if (timeout != null && interval != null && timeout.compareTo(interval) >= 0) {
            problems.add(path, show(written), "timeout " + DurationText.format(timeout)
                    + " must be shorter than the interval " + DurationText.format(interval));
        }
    }

    Integer retries(String path, JsonNode n) {
        return absent(n) ? null : problems.integer(path, n, 0, 10, "retries must be between 0 and 10");
    }

    /**
     * RFC 3416 allows up to 2^31-1, but big values only make agents answer tooBig or truncate
     * (the response must fit one UDP datagram, typically 1472 octets of Ethernet payload).
     */
    Integer maxRepetitions(String path, JsonNode n) {
        return absent(n) ? null : problems.integer(path, n, 1, 1000, "max_repetitions must be between 1 and 1000");
    }

    Integer maxOutstanding(String path, JsonNode n) {
        return absent(n) ? null : problems.integer(path, n, 1, 64, "max_outstanding must be between 1 and 64");
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
