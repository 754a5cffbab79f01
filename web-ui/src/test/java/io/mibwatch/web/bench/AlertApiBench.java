package io.mibwatch.web.bench;

import io.mibwatch.core.alert.Severity;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.store.AlertRow;
import io.mibwatch.thresholds.store.TransitionRow;
import io.mibwatch.web.alerts.AlertsFeature;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.testing.AlertDesk;
import io.mibwatch.web.testing.Http;
import io.mibwatch.web.testing.SseClient;
import io.mibwatch.web.testing.TestWeb;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark, not a test: latency of {@code GET /api/alerts} with 10,000 active alerts while 50
 * event-stream clients are connected and the store gains 20 transitions per second.
 *
 * <pre>
 * mvn -B -o -q -pl web-ui -am test-compile
 * mvn -B -o -q -pl web-ui dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp web-ui/target/test-classes:web-ui/target/classes:$(cat /tmp/cp.txt) \
 *     io.mibwatch.web.bench.AlertApiBench [alerts] [clients] [requests]
 * </pre>
 */
public final class AlertApiBench {
    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path dir = Files.createTempDirectory("mibwatch-bench-");
        try (AlertDesk desk = new AlertDesk(dir.resolve("mibwatch.db"), Clock.systemUTC())) {
            Instant now = Instant.now();
            List<TransitionRow> ts = new ArrayList<>();
            List<AlertRow> rows = new ArrayList<>();
            Severity[] sev = Severity.values();
            for (int i = 0; i < alerts; i++) {
                String id = "bench@dev" + (i % 500) + "/if/" + i + "/inErrors";
                Severity s = sev[i % sev.length];
                rows.add(AlertRow.pending(id, "bench", "dev" + (i % 500), "if/" + i + "/inErrors", s,
                        OptionalDouble.of(i), now.minusSeconds(i), Map.of("ifAlias", "uplink " + i))
                        .withState(AlertState.FIRING, now.minusSeconds(i)));
                ts.add(new TransitionRow(id, AlertState.PENDING, AlertState.FIRING, s, now.minusSeconds(i),
                        OptionalDouble.of(i), "fired: bench"));
            }
            desk.store().apply(ts, rows, List.of());
            AlertsFeature[] made = new AlertsFeature[1];
            TestWeb started = TestWeb.builder().dataDir(dir).featureWith(auth -> made[0] = new AlertsFeature(desk.store(),
                    desk, auth.users().audit(), Clock.systemUTC(), Duration.ofMillis(250))).start();
            try (AlertsFeature feature = made[0]; TestWeb web = started) {
                String token = web.token(Role.VIEWER);
                List<SseClient> streams = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    streams.add(SseClient.open(web.url("/api/alerts/stream"), token, null));
                }
                AtomicBoolean run = new AtomicBoolean(true);
                AtomicLong written = new AtomicLong();
                Thread writer = new Thread(() -> {
                    int n = 0;
                    while (run.get()) {
                        String id = "bench@dev" + (n % 500) + "/if/" + (n % alerts) + "/inErrors";
                        desk.store().apply(List.of(new TransitionRow(id, AlertState.FIRING, AlertState.FIRING,
                                Severity.CRITICAL, Instant.now(), OptionalDouble.of(n), "severity_changed: bench")),
                                List.of(), List.of());
                        written.incrementAndGet();
                        n++;
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "bench-writer");
                writer.start();
                Http http = Http.bearer(web.url(), token);
                for (int i = 0; i < 10; i++) {
                    http.get("/api/alerts"); // warm-up
                }
                long[] nanos = new long[requests];
                long bytes = 0;
                for (int i = 0; i < requests; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.get("/api/alerts");
                    nanos[i] = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("status " + r.statusCode());
                    }
                    bytes = r.body().length();
                }
                run.set(false);
                writer.join();
                Arrays.sort(nanos);
                System.out.printf("GET /api/alerts: %d active alerts (%d kB JSON), %d SSE clients, %d transitions written"
                                + " during the run; %d requests: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        alerts, bytes / 1024, feature.stream().clients(), written.get(), requests,
                        nanos[requests / 2] / 1e6, nanos[requests * 9 / 10] / 1e6, nanos[requests * 99 / 100] / 1e6,
                        nanos[requests - 1] / 1e6);
                streams.forEach(SseClient::close);
            }
        }
    }
}
