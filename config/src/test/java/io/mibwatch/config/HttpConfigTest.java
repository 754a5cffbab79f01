package io.mibwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The http: section: defaults, the listen rule, and every error with its key path. */
class HttpConfigTest {

    static MibwatchConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "test.yaml", Path.of("/etc/mibwatch"),
                Map.of("SCRAPE", "0123456789abcdef0123")::get);
    }

    @Test
    void absentSectionLeavesTheListenAddressToTheCommand() throws Exception {
        HttpConfig h = parse("devices: []").http();
        assertEquals(HttpConfig.DEFAULT, h);
        assertEquals(new HttpConfig.Listen("127.0.0.1", 8080), h.listenOr(HttpConfig.DEMO_LISTEN));
        assertEquals(new HttpConfig.Listen("0.0.0.0", 8080), h.listenOr(HttpConfig.SERVICE_LISTEN));
        assertEquals(Duration.ofMinutes(30), h.sessionIdle());
        assertFalse(h.metricsPublic());
    }

    @Test
    void fullSectionIsRead() throws Exception {
        HttpConfig h = parse("""
                http:
                  listen: "[::]:8443"
                  https: {keystore: web.p12, password: changeit}
                  metrics_public: false
                  metrics_token: {env: SCRAPE}
                  session_idle: 2h
                """).http();
        assertEquals(new HttpConfig.Listen("::", 8443), h.listenOr(HttpConfig.DEMO_LISTEN));
        assertEquals("[::]:8443", h.listen().orElseThrow().toString());
        assertEquals(Path.of("/etc/mibwatch/web.p12"), h.https().orElseThrow().keystore(), "relative to the config file");
        assertEquals("changeit", h.https().orElseThrow().password().reveal());
        assertEquals("0123456789abcdef0123", h.metricsToken().orElseThrow().reveal());
        assertEquals(Duration.ofHours(2), h.sessionIdle());
        assertFalse(h.toString().contains("changeit"), "secrets print as <secret>");
        assertFalse(h.toString().contains("0123456789abcdef0123"));
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("http: {listen: 8080}",
                        List.of("http.listen: 8080: expected text, got a number; quote it so YAML keeps it as written")),
                Arguments.of("http: {listen: localhost}",
                        List.of("http.listen: localhost: expected HOST:PORT, e.g. 127.0.0.1:8080 (IPv6 in brackets: [::]:8080)")),
                Arguments.of("http: {listen: '0.0.0.0:80800'}",
                        List.of("http.listen: 0.0.0.0:80800: port 80800 is not a TCP port (1-65535, or 0 for any free port)")),
                Arguments.of("http: {listne: '0.0.0.0:8080'}",
                        List.of("http.listne: unknown key (did you mean 'listen'?); known keys here: "
                                + "https, listen, metrics_public, metrics_token, session_idle")),
                Arguments.of("http: {metrics_public: yes please, metrics_token: short, session_idle: 10s}",
                        List.of("http.metrics_public: yes please: expected true or false",
                                "http.metrics_token: <secret>: too short: use at least 16 characters, e.g. from `openssl rand -hex 16`",
                                "http.session_idle: 10s: must be at least 1m")),
                Arguments.of("http: {https: {keystore: web.p12}}",
                        List.of("http.https.password: required: the keystore password (inline, {file: PATH} or {env: NAME})")),
                Arguments.of("http: [listen]",
                        List.of("http: [listen]: expected a mapping (listen, https, metrics_public, metrics_token, session_idle)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void errorsNameKeyAndValue(String yaml, List<String> expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        assertEquals(expected, e.errors().stream().map(ConfigError::toString).toList());
    }

    @ParameterizedTest(name = "{0} -> {1}:{2}")
    @CsvSource({
            "127.0.0.1:8080, 127.0.0.1, 8080",
            "0.0.0.0:80, 0.0.0.0, 80",
            "noc.example.net:9000, noc.example.net, 9000",
            "'[::1]:8080', ::1, 8080",
            "127.0.0.1:0, 127.0.0.1, 0",
    })
    void listenParses(String text, String host, int port) {
        assertEquals(new HttpConfig.Listen(host, port), HttpConfig.Listen.parse(text));
    }

    @Test
    void listenErrorsSayWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpConfig.Listen.parse("::1:80"));
        assertTrue(e.getMessage().contains("IPv6 in brackets"), e.getMessage());
        assertEquals(Optional.empty(), HttpConfig.DEFAULT.https());
    }
}
