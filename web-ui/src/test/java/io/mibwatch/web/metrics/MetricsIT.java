package io.mibwatch.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mibwatch.config.Secret;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.testing.Http;
import io.mibwatch.web.testing.TestWeb;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /metrics over real HTTP: access rules, then the body checked line by line against the 0.0.4 grammar. */
class MetricsIT {
    static final String TOKEN = "scrape-token-0123456789abcdef";
    static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    static TestWeb web;

    /** A fixed source: what the daemon would report, including strings that need escaping. */
    static final MetricsSource SOURCE = new MetricsSource() {
        @Override
        public List<SeriesValue> latest() {
            return List.of(
                    new SeriesValue("core-sw1", "interfaces", "1", "inOctets", 1250000.5, AT),
                    new SeriesValue("core-sw1", "interfaces", "2", "inOctets", 0, AT),
                    new SeriesValue("srv1", "cpu", "", "load", 93.25, AT),
                    new SeriesValue("srv1", "cisco_rtt", "10", "rtt.avg", 12, AT),
                    new SeriesValue("weird\"dev\\ice", "storage", "C:\\ \"x\"", "usedPct", 91, AT),
                    new SeriesValue("srv1", "cpu", "", "gap", Double.NaN, AT));
        }

        @Override
        public List<DeviceHealth> devices() {
            return List.of(new DeviceHealth("srv1", true, 12, 1, Duration.ofMillis(340), AT),
                    new DeviceHealth("core-sw1", false, 12, 12, Duration.ofSeconds(15), AT),
                    new DeviceHealth("new1", false, 0, 0, Duration.ZERO, null));
        }

        @Override
        public Map<String, Long> queues() {
            return Map.of("notifications", 3L, "poll_pipeline", 0L);
        }
    };

    @BeforeAll
    static void start() {
        web = TestWeb.builder().feature(new MetricsFeature(SOURCE, Optional.empty(), false, Optional.of(Secret.of(TOKEN))))
                .start();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void tokenOrLoginRequired() {
        HttpResponse<String> anon = web.anonymous().get("/metrics");
        assertEquals(401, anon.statusCode());
        assertTrue(Http.json(anon).get("error").asText().startsWith("/metrics needs the scrape token"));
        assertEquals(401, Http.bearer(web.url(), "wrong-token").get("/metrics").statusCode());
        assertEquals(200, Http.bearer(web.url(), TOKEN).get("/metrics").statusCode());
        assertEquals(200, web.http(Role.VIEWER).get("/metrics").statusCode(), "a logged-in viewer may look");
        assertEquals(200, web.tokenHttp(Role.VIEWER).get("/metrics").statusCode(), "so may a user API token");
        assertEquals(401, web.http(Role.REPORTER).get("/metrics").statusCode(), "reporters see no NOC data");
    }

    @Test
    void publicWhenConfigured() {
        try (TestWeb open = TestWeb.builder().feature(new MetricsFeature(SOURCE, Optional.empty(), true, Optional.empty()))
                .start()) {
            HttpResponse<String> r = open.anonymous().get("/metrics");
            assertEquals(200, r.statusCode());
            assertEquals(PromText.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElse(""));
        }
    }

    // Prometheus text format 0.0.4, one regex per line kind
    static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?\\d+)?");
    static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

    @Test
    void bodyFollowsTheTextFormatLineByLine() {
        String body = Http.bearer(web.url(), TOKEN).get("/metrics").body();
        assertTrue(body.endsWith("\n"), "the last line ends with a line feed");
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> helped = new HashSet<>();
        Map<String, List<Map<String, String>>> samples = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        String current = null;
        for (String line : body.split("\n")) {
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                assertTrue(helped.add(m.group(1)), "one HELP per family: " + line);
                current = m.group(1);
            } else if ((m = TYPE.matcher(line)).matches()) {
                assertEquals(current, m.group(1), "TYPE follows its HELP: " + line);
                assertTrue(types.put(m.group(1), m.group(2)) == null, "one TYPE per family: " + line);
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                assertEquals(current, m.group(1), "samples stay in their family's block: " + line);
                Map<String, String> labels = parseLabels(m.group(3), line);
                samples.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(labels);
                String v = m.group(4);
                double d = v.equals("+Inf") ? Double.POSITIVE_INFINITY : v.equals("-Inf") ? Double.NEGATIVE_INFINITY
                        : Double.parseDouble(v);
                values.put(key(m.group(1), labels), d);
            } else {
                fail("line is not HELP, TYPE or a sample: '" + line + "'");
            }
        }
        assertEquals("gauge", types.get("mibwatch_series_interfaces_in_octets"));
        assertEquals("gauge", types.get("mibwatch_series_cisco_rtt_rtt_avg"));
        assertEquals("counter", types.get("mibwatch_polls_total"));
        assertEquals(1250000.5, values.get(key("mibwatch_series_interfaces_in_octets", Map.of("device", "core-sw1", "instance", "1", "metric", "interfaces/inOctets"))));
        assertEquals(93.25, values.get(key("mibwatch_series_cpu_load", Map.of("device", "srv1", "instance", "", "metric", "cpu/load"))));
        assertEquals(91.0, values.get(key("mibwatch_series_storage_used_pct", Map.of("device", "weird\"dev\\ice", "instance", "C:\\ \"x\"", "metric", "storage/usedPct"))),
                "escaped label values read back as the original strings");
        assertFalse(types.containsKey("mibwatch_series_cpu_gap"), "gaps (NaN) are not exported");
        assertEquals(0.34, values.get(key("mibwatch_poll_duration_seconds", Map.of("device", "srv1"))));
        assertEquals(0.0, values.get(key("mibwatch_device_up", Map.of("device", "core-sw1"))));
        assertEquals(12.0, values.get(key("mibwatch_poll_failures_total", Map.of("device", "core-sw1"))));
        assertEquals(3.0, values.get(key("mibwatch_queue_depth", Map.of("queue", "notifications"))));
        assertEquals(AT.getEpochSecond(), values.get(key("mibwatch_last_poll_timestamp_seconds", Map.of("device", "srv1"))));
        assertFalse(values.containsKey(key("mibwatch_last_poll_timestamp_seconds", Map.of("device", "new1"))));
        for (Map.Entry<String, List<Map<String, String>>> f : samples.entrySet()) {
            assertEquals(f.getValue().size(), new HashSet<>(f.getValue()).size(), "no duplicate series in " + f.getKey());
        }
    }

    static String key(String name, Map<String, String> labels) {
        return name + new java.util.TreeMap<>(labels);
    }

    static Map<String, String> parseLabels(String text, String line) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                fail("bad label syntax at " + at + " in: " + line);
            }
            String v = m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
            assertTrue(out.put(m.group(1), v) == null, "duplicate label in " + line);
            at = m.end();
        }
        return out;
    }

    /** Debian's promtool (package prometheus), the reference parser, when installed. */
    @Test
    void promtoolAcceptsIt() throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        Assumptions.assumeTrue(Files.isExecutable(promtool), "promtool (Debian package prometheus) is not installed");
        String body = Http.bearer(web.url(), TOKEN).get("/metrics").body();
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        p.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        // exit 0: parses, and passes its lint (snake_case names, counters end in _total, HELP present)
        assertEquals(0, p.exitValue(), "promtool check metrics: " + out);
        assertEquals("", out.strip());
    }
}
