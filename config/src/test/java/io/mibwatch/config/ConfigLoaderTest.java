package io.mibwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.mibwatch.catalog.metric.MetricCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

    /** Every secret used in these tests; none may ever show up in an error or a toString. */
    static final List<String> SECRETS = List.of("s3cret-comm", "auth-s3cret", "priv-s3cret", "env-s3cret",
            "file-s3cret", "short1", "sh0rt", "typo-s3cret", "scalar-s3cret", "quote-s3cret", "987654321");

    static final String CREDS = """
            credentials:
              comm: {community: s3cret-comm}
              v3: {user: mon, auth: SHA-256, auth_pass: auth-s3cret, priv: AES-128, priv_pass: priv-s3cret}
            """;

    static final Map<String, String> ENV = Map.of("MIBWATCH_TEST_COMMUNITY", "env-s3cret", "MIBWATCH_TEST_EMPTY", "");

    /** Secret files live here; tests refer to them by relative paths. */
    static Path secretsDir;

    @BeforeAll
    static void secretFiles() throws Exception {
        secretsDir = Files.createTempDirectory("mibwatch-config-test");
        Files.writeString(secretsDir.resolve("community"), "file-s3cret\n");
        Files.writeString(secretsDir.resolve("empty"), "");
        Files.writeString(secretsDir.resolve("blank-line"), "\nfile-s3cret\n");
        Files.writeString(secretsDir.resolve("short"), "short1\n");
        Files.createDirectory(secretsDir.resolve("a-directory"));
    }

    static MibwatchConfig parse(String yaml) throws ConfigException {
        Function<String, String> env = ENV::get;
        return ConfigLoader.parse(yaml, "test.yaml", secretsDir, env);
    }

    static ConfigException errors(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml), () -> "expected errors in:\n" + yaml);
    }

    /** CREDS plus one device whose keys are {@code body} (YAML lines of the device, unindented). */
    static String device(String body) {
        String indented = body.lines().map(l -> "    " + l).collect(Collectors.joining("\n"));
        return CREDS + "devices:\n  -\n" + indented + "\n";
    }

    static final String D1 = "name: d1\naddress: 192.0.2.1\ncredentials: comm\n";

    // ------------------------------------------------------------------ valid configs

    @ParameterizedTest
    @ValueSource(strings = {"", "# nothing but a comment\n", "devices: []\n", "devices:\n", "~\n",
            "credentials:\ndevices:\ndefaults:\n"})
    void emptyConfigsHaveZeroDevices(String yaml) throws Exception {
        MibwatchConfig c = parse(yaml);
        assertEquals(List.of(), c.devices());
        assertEquals(Defaults.STOCK, c.defaults());
    }

    @Test
    void defaultsAreAppliedAndVersionFollowsTheCredentialKind() throws Exception {
        MibwatchConfig c = parse(CREDS + """
                defaults:
                  interval: 2m
                  timeout: 10
                  retries: 0
                  max_repetitions: 10
                  max_outstanding: 2
                  credentials: comm
                devices:
                  - {name: a, address: a.example.net}
                  - {name: b, address: "192.0.2.2", credentials: v3, interval: 1s, timeout: 250ms, port: 1161}
                """);
        DeviceConfig a = c.device("a").orElseThrow();
        assertEquals(SnmpVersion.V2C, a.version());
        assertEquals("comm", a.credentials().name());
        assertEquals(Duration.ofMinutes(2), a.interval());
        assertEquals(Duration.ofSeconds(10), a.timeout());
        assertEquals(0, a.retries());
        assertEquals(10, a.maxRepetitions());
        assertEquals(2, a.maxOutstanding());
        assertEquals(161, a.port());
        assertTrue(a.bulk());
        assertEquals(MetricCatalog.standard().standardGroups(), a.metrics());
        assertEquals(new Defaults(Duration.ofMinutes(2), Duration.ofSeconds(10), 0, 10, 2), c.defaults());

        DeviceConfig b = c.device("b").orElseThrow();
        assertEquals(SnmpVersion.V3, b.version());
        assertEquals("v3", b.credentials().name());
        assertEquals(1161, b.port());
        assertEquals(Duration.ofSeconds(1), b.interval());
        assertEquals(Duration.ofMillis(250), b.timeout());
    }

    @Test
    void v1DeviceNeverBulksAndDuplicateMetricsCollapse() throws Exception {
        MibwatchConfig c = parse(CREDS + "devices:\n  - {name: c, address: \"::1\", credentials: comm, "
                + "version: 1, metrics: [cpu, cpu, system]}\n");
        DeviceConfig d = c.device("c").orElseThrow();
        assertEquals(SnmpVersion.V1, d.version());
        assertFalse(d.useBulk());
        assertEquals(List.of("cpu", "system"), d.metrics());
    }

    @Test
    void usmSecurityLevels() throws Exception {
        MibwatchConfig c = parse("""
                credentials:
                  none: {user: guest}
                  auth: {user: mon, auth: sha, auth_pass: auth-s3cret, context: vrf-a}
                  both: {user: mon, auth: SHA-512, auth_pass: auth-s3cret, priv: aes256, priv_pass: priv-s3cret}
                """);
        assertEquals("noAuthNoPriv", ((Credentials.Usm) c.credentials().get("none")).securityLevel());
        Credentials.Usm auth = (Credentials.Usm) c.credentials().get("auth");
        assertEquals("authNoPriv", auth.securityLevel());
        assertEquals(AuthProtocol.SHA, auth.auth());
        assertEquals("vrf-a", auth.context());
        Credentials.Usm both = (Credentials.Usm) c.credentials().get("both");
        assertEquals(AuthProtocol.SHA512, both.auth());
        assertEquals(PrivProtocol.AES256, both.priv());
    }

    @Test
    void secretsFromFileAndEnvironment() throws Exception {
        MibwatchConfig c = parse("""
                credentials:
                  f: {community: {file: community}}
                  e: {community: {env: MIBWATCH_TEST_COMMUNITY}}
                  u: {user: mon, auth: MD5, auth_pass: {env: MIBWATCH_TEST_COMMUNITY}}
                """);
        assertEquals("file-s3cret", ((Credentials.Community) c.credentials().get("f")).community().reveal());
        assertEquals("env-s3cret", ((Credentials.Community) c.credentials().get("e")).community().reveal());
        Credentials.Usm u = assertInstanceOf(Credentials.Usm.class, c.credentials().get("u"));
        assertEquals("authNoPriv", u.securityLevel());
        assertEquals("env-s3cret", u.authPass().reveal());
    }

    @Test
    void absoluteSecretFilePath() throws Exception {
        String abs = secretsDir.resolve("community").toString();
        MibwatchConfig c = ConfigLoader.parse("credentials:\n  f: {community: {file: \"" + abs + "\"}}\n", "x");
        assertEquals("file-s3cret", ((Credentials.Community) c.credentials().get("f")).community().reveal());
    }

    // ------------------------------------------------------------------ bad configs, one at a time

    static Arguments bad(String yaml, String path, String value, String message) {
        return bad(yaml, path, value, message, 1);
    }

    /** {@code count}: how many errors the config has in total (1 unless a mistake really is two). */
    static Arguments bad(String yaml, String path, String value, String message, int count) {
        return arguments(yaml, path, value, message, count);
    }

    static Stream<Arguments> badConfigs() {
        String auth = "auth: SHA-256, auth_pass: auth-s3cret";
        return Stream.of(
                // YAML itself
                bad("devices: [\n", "", null, "malformed YAML at line 2, column 1: expected the node content, but found '<stream end>'"),
                bad("devices: [a, b\n", "", null, "malformed YAML at line 2, column 1: expected ',' or ']', but got <stream end> "
                        + "(while parsing a flow sequence started at line 1, column 10)"),
                bad("defaults:\n  interval: 60s\n retries: 2\n", "", null, "malformed YAML at line 3, column 2"),
                bad("devices: []\ndevices: []\n", "", null, "Duplicate field 'devices'"),
                bad("devices: []\n---\ndevices: []\n", "", null, "more than one YAML document"),
                bad("- a\n- b\n", "", null, "expected a mapping"),
                // unknown keys, with suggestions
                bad("device: []\n", "device", null, "unknown key (did you mean 'devices'?); known keys here: "
                        + "credentials, data_dir, defaults, devices"),
                bad("defaults: {intervall: 30s}\n", "defaults.intervall", null, "unknown key (did you mean 'interval'?)"),
                bad(device(D1 + "max_repetition: 10"), "devices[0].max_repetition", null,
                        "unknown key (did you mean 'max_repetitions'?)"),
                bad(device(D1 + "colour: blue"), "devices[0].colour", null, "unknown key; known keys here: address,"),
                bad("credentials:\n  c: {community: s3cret-comm, authpass: auth-s3cret}\n", "credentials.c.authpass",
                        null, "unknown key (did you mean 'auth_pass'?)"),
                bad("credentials:\n  c: {community: s3cret-comm, auth: MD5}\n", "credentials.c.auth", null,
                        "applies to v3 (user) sets only"),
                // data_dir
                bad("data_dir: var/lib/mibwatch\n", "data_dir", "var/lib/mibwatch", "must be an absolute path"),
                bad("data_dir: 42\n", "data_dir", "42", "expected text, got a number"),
                // ports and numbers
                bad(device(D1 + "port: 70000"), "devices[0].port", "70000", "not a UDP port (1-65535)"),
                bad(device(D1 + "port: 0"), "devices[0].port", "0", "not a UDP port (1-65535)"),
                bad(device(D1 + "port: 99999999999999999999"), "devices[0].port", "99999999999999999999",
                        "not a UDP port (1-65535)"),
                bad(device(D1 + "port: \"161\""), "devices[0].port", "161", "expected a whole number"),
                bad(device(D1 + "port: 1.5"), "devices[0].port", "1.5", "expected a whole number"),
                bad(device(D1 + "retries: 11"), "devices[0].retries", "11", "retries must be between 0 and 10"),
                bad("defaults: {retries: -1}\n", "defaults.retries", "-1", "retries must be between 0 and 10"),
                bad(device(D1 + "max_repetitions: 0"), "devices[0].max_repetitions", "0",
                        "max_repetitions must be between 1 and 1000"),
                bad("defaults: {max_repetitions: 1001}\n", "defaults.max_repetitions", "1001",
                        "max_repetitions must be between 1 and 1000"),
                bad(device(D1 + "max_outstanding: 0"), "devices[0].max_outstanding", "0",
                        "max_outstanding must be between 1 and 64"),
                bad(device(D1 + "bulk: maybe"), "devices[0].bulk", "maybe", "expected true or false"),
                // durations
                bad(device(D1 + "interval: 500ms"), "devices[0].interval", "500ms", "interval must be at least 1s"),
                bad(device(D1 + "interval: 0"), "devices[0].interval", "0", "must be positive"),
                bad(device(D1 + "interval: 0s"), "devices[0].interval", "0s", "must be positive"),
                bad(device(D1 + "interval: -5"), "devices[0].interval", "-5", "must be positive"),
                bad(device(D1 + "interval: 5 minutes"), "devices[0].interval", "5 minutes",
                        "not a duration (e.g. 500ms, 90s, 5m, 1h30m, 2d, 1w, or a whole number of seconds)"),
                bad(device(D1 + "timeout: 1.5s"), "devices[0].timeout", "1.5s", "not a duration"),
                bad(device(D1 + "timeout: 60s"), "devices[0].timeout", "60s",
                        "timeout 1m must be shorter than the interval 1m"),
                bad(device(D1 + "interval: 3s"), "devices[0].interval", "3s",
                        "timeout 5s must be shorter than the interval 3s"),
                bad("defaults: {timeout: 2m}\n", "defaults.timeout", "2m",
                        "timeout 2m must be shorter than the interval 1m"),
                bad("defaults: {interval: 90}\n" + device(D1 + "timeout: 90s"), "devices[0].timeout", "90s",
                        "timeout 90s must be shorter than the interval 90s"),
                // names and addresses
                bad(device(D1) + "  - {name: d1, address: 192.0.2.2, credentials: comm}\n", "devices[1].name", "d1",
                        "duplicate device name (first used by devices[0])"),
                bad(device("name: core 1\naddress: 192.0.2.1\ncredentials: comm"), "devices[0].name", "core 1",
                        "invalid device name: use only letters, digits and _ . : -"),
                bad(device("address: 192.0.2.1\ncredentials: comm"), "devices[0].name", null, "required"),
                bad(device("name: d1\ncredentials: comm"), "devices[0].address", null, "required"),
                bad(device("name: d1\naddress: \"\"\ncredentials: comm"), "devices[0].address", "\"\"",
                        "must not be empty"),
                bad(device("name: d1\naddress: 300.1.2.3\ncredentials: comm"), "devices[0].address", "300.1.2.3",
                        "not a valid IPv4 address"),
                bad(device("name: d1\naddress: sw1.example.net:1161\ncredentials: comm"), "devices[0].address",
                        "sw1.example.net:1161", "not a host name or IP address (put the port under 'port')"),
                bad(device("name: d1\naddress: bad host!\ncredentials: comm"), "devices[0].address", "bad host!",
                        "not a host name or IP address"),
                bad(CREDS + "devices: {name: d1}\n", "devices", "{name:d1}", "expected a list of devices"),
                bad(CREDS + "devices:\n  - d1\n", "devices[0]", "d1", "expected a mapping"),
                bad(CREDS + "devices:\n  -\n", "devices[0]", null, "empty device entry"),
                // credential references and versions
                bad(device("name: d1\naddress: 192.0.2.1\ncredentials: comm2"), "devices[0].credentials", "comm2",
                        "unknown credential set (did you mean 'comm'?); defined: comm, v3"),
                bad(device("name: d1\naddress: 192.0.2.1"), "devices[0].credentials", null,
                        "required: name a credential set, or set defaults.credentials"),
                bad("defaults: {credentials: nope}\n", "defaults.credentials", "nope",
                        "unknown credential set; none are defined under credentials"),
                bad(device(D1 + "version: v4"), "devices[0].version", "v4", "unknown SNMP version (valid: v1, v2c, v3)"),
                bad(device(D1 + "version: v3"), "devices[0].version", "v3",
                        "v3 needs a USM (user) credential set, but 'comm' is a community set"),
                bad(device("name: d1\naddress: 192.0.2.1\ncredentials: v3\nversion: v2c"), "devices[0].version", "v2c",
                        "v2c needs a community credential set, but 'v3' is a v3 (user) set"),
                bad(device("name: d1\naddress: 192.0.2.1\ncredentials: v3\nversion: 1"), "devices[0].version", "1",
                        "v1 needs a community credential set"),
                // USM sets
                bad("credentials:\n  u: {user: mon, auth: SHA3, auth_pass: auth-s3cret}\n", "credentials.u.auth", "SHA3",
                        "unknown auth protocol (valid: MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512)"),
                bad("credentials:\n  u: {user: mon, " + auth + ", priv: AES-512, priv_pass: priv-s3cret}\n",
                        "credentials.u.priv", "AES-512", "unknown privacy protocol (valid: DES, AES-128, AES-192, AES-256)"),
                bad("credentials:\n  u: {user: mon, auth: MD5, auth_pass: sh0rt}\n", "credentials.u.auth_pass",
                        "<secret>", "too short: pass phrases need at least 8 characters (RFC 3414 section 11.2"),
                bad("credentials:\n  u: {user: mon, " + auth + ", priv: DES, priv_pass: sh0rt}\n",
                        "credentials.u.priv_pass", "<secret>", "too short"),
                bad("credentials:\n  u: {user: mon, auth: MD5, auth_pass: {file: short}}\n", "credentials.u.auth_pass",
                        "<secret>", "too short (read from file short)"),
                bad("credentials:\n  u: {user: mon, priv: AES, priv_pass: priv-s3cret}\n", "credentials.u.priv", "AES",
                        "privacy needs authentication: set auth and auth_pass too"),
                bad("credentials:\n  u: {user: mon, auth: SHA}\n", "credentials.u.auth_pass", null,
                        "required when auth is set"),
                bad("credentials:\n  u: {user: mon, auth_pass: auth-s3cret}\n", "credentials.u.auth", null,
                        "required when auth_pass is set (MD5, SHA"),
                bad("credentials:\n  u: {user: mon, " + auth + ", priv: AES}\n", "credentials.u.priv_pass", null,
                        "required when priv is set"),
                bad("credentials:\n  u: {user: mon, " + auth + ", priv_pass: priv-s3cret}\n", "credentials.u.priv", null,
                        "required when priv_pass is set"),
                bad("credentials:\n  u: {user: \"\"}\n", "credentials.u.user", "\"\"", "must not be empty"),
                bad("credentials:\n  u: {user: " + "x".repeat(33) + "}\n", "credentials.u.user", "x".repeat(33),
                        "longer than 32 characters"),
                bad("credentials:\n  u: {user: mon, context: [a]}\n", "credentials.u.context", "[a]", "expected text"),
                // credential sets
                bad("credentials:\n  x: {community: s3cret-comm, user: mon}\n", "credentials.x", null,
                        "either a community (v1/v2c) or a user (v3), not both"),
                bad("credentials:\n  x: {context: a}\n", "credentials.x", null, "needs 'community' (v1/v2c) or 'user' (v3)"),
                bad("credentials:\n  x: scalar-s3cret\n", "credentials.x", null, "expected a mapping: {community: ...}"),
                bad("credentials: [a]\n", "credentials", null, "expected a mapping of credential set names"),
                bad("credentials:\n  c: {community: \"\"}\n", "credentials.c.community", null, "must not be empty"),
                bad("credentials:\n  c: {community: 987654321}\n", "credentials.c.community", "<secret>",
                        "expected text, got a number; quote it"),
                bad("credentials:\n  c: {community: yes}\n", "credentials.c.community", "<secret>",
                        "expected text, got a boolean"),
                // secrets from files and the environment
                bad("credentials:\n  c: {community: {file: missing}}\n", "credentials.c.community.file", "missing",
                        "secret file " + "MISSING" + " does not exist"),
                bad("credentials:\n  c: {community: {file: a-directory}}\n", "credentials.c.community.file",
                        "a-directory", "cannot read secret file"),
                bad("credentials:\n  c: {community: {file: empty}}\n", "credentials.c.community.file", "empty",
                        "is empty"),
                bad("credentials:\n  c: {community: {file: blank-line}}\n", "credentials.c.community", null,
                        "must not be empty (read from file blank-line)"),
                bad("credentials:\n  c: {community: {env: MIBWATCH_TEST_UNSET}}\n", "credentials.c.community.env",
                        "MIBWATCH_TEST_UNSET", "environment variable is not set"),
                bad("credentials:\n  c: {community: {env: MIBWATCH_TEST_EMPTY}}\n", "credentials.c.community", null,
                        "must not be empty (from environment variable MIBWATCH_TEST_EMPTY)"),
                bad("credentials:\n  c: {community: {file: community, env: MIBWATCH_TEST_COMMUNITY}}\n",
                        "credentials.c.community", null, "exactly one of {file: PATH} or {env: NAME}"),
                bad("credentials:\n  c: {community: {fil: community}}\n", "credentials.c.community.fil", null,
                        "unknown key (did you mean 'file'?)", 2),
                // metrics
                bad(device(D1 + "metrics: [system, iface]"), "devices[0].metrics[1]", "iface",
                        "unknown metric group (valid: system, interfaces, cpu, storage, ucd)"),
                bad(device(D1 + "metrics: [interfce]"), "devices[0].metrics[0]", "interfce",
                        "unknown metric group (did you mean 'interfaces'?)"),
                bad(device(D1 + "metrics: []"), "devices[0].metrics", "[]", "empty: list at least one group"),
                bad(device(D1 + "metrics: system"), "devices[0].metrics", "system", "expected a list"),
                // parents
                bad(device(D1 + "parent: gw9"), "devices[0].parent", "gw9", "unknown parent device"),
                bad(device(D1 + "parent: d1"), "devices[0].parent", "d1", "a device cannot be its own parent"),
                bad(device("name: d 1\naddress: 192.0.2.1\ncredentials: comm\nparent: gw9"), "devices[0].parent", "gw9",
                        "unknown parent device", 2),
                bad(CREDS + """
                        devices:
                          - {name: gw, address: 192.0.2.9, credentials: comm}
                          - {name: a, address: 192.0.2.1, credentials: comm, parent: b}
                          - {name: b, address: 192.0.2.2, credentials: comm, parent: c}
                          - {name: c, address: 192.0.2.3, credentials: comm, parent: a}
                          - {name: d, address: 192.0.2.4, credentials: comm, parent: a}
                        """, "devices[1].parent", "b", "parent cycle: a -> b -> c -> a"));
    }

    @ParameterizedTest(name = "[{index}] {1}: {3}")
    @MethodSource("badConfigs")
    void badConfigIsReportedWithPathAndValue(String yaml, String path, String value, String message, int count) {
        ConfigException e = errors(yaml);
        String expected = message.replace("MISSING", secretsDir.resolve("missing").toString());
        List<ConfigError> matching = e.errors().stream()
                .filter(err -> err.path().equals(path) && err.message().contains(expected))
                .toList();
        assertEquals(1, matching.size(), () -> "want " + path + ": ... " + expected + "\ngot:\n" + e.getMessage());
        assertEquals(value, matching.get(0).value(), () -> "value shown for " + path);
        assertEquals(count, e.errors().size(), e::getMessage);
        assertTrue(e.getMessage().contains(matching.get(0).toString()), e::getMessage);
        assertNoSecret(e.getMessage());
    }

    /**
     * An interval that was refused is reported once: the timeout is not compared against the
     * default interval that stands in for it (nor a refused timeout's stand-in against the interval).
     */
    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("refusedIntervalOrTimeout")
    void timeoutIsNotComparedToTheDefaultIntervalWhenTheIntervalIsInvalid(String yaml, String path, String value) {
        ConfigException e = errors(yaml);
        assertEquals(1, e.errors().size(), e::getMessage);
        assertEquals(path, e.errors().get(0).path(), e::getMessage);
        assertEquals(value, e.errors().get(0).value(), e::getMessage);
        assertFalse(e.getMessage().contains("must be shorter than the interval"), e::getMessage);
    }

    static Stream<Arguments> refusedIntervalOrTimeout() {
        return Stream.of(
                arguments("defaults: {interval: fast, timeout: 2m}\n", "defaults.interval", "fast"),
                arguments("defaults: {interval: 0s, timeout: 2m}\n", "defaults.interval", "0s"),
                arguments("defaults: {interval: 500ms}\n" + device(D1 + "timeout: 90s"), "defaults.interval", "500ms"),
                arguments("defaults: {interval: 3s, timeout: soon}\n", "defaults.timeout", "soon"),
                arguments("defaults: {timeout: soon}\n" + device(D1 + "interval: 3s"), "defaults.timeout", "soon"),
                arguments(device(D1 + "interval: fast\ntimeout: 2m"), "devices[0].interval", "fast"));
    }

    @Test
    void validParentChainLoads() throws Exception {
        MibwatchConfig c = parse(device(D1 + "parent: d2") + "  - {name: d2, address: 192.0.2.2, credentials: comm, parent: d3}\n"
                + "  - {name: d3, address: 192.0.2.3, credentials: comm}\n");
        assertEquals(java.util.Optional.of("d2"), c.device("d1").orElseThrow().parent());
        assertEquals(java.util.Optional.of("d3"), c.device("d2").orElseThrow().parent());
        assertEquals(java.util.Optional.empty(), c.device("d3").orElseThrow().parent());
    }

    static void assertNoSecret(String text) {
        for (String s : SECRETS) {
            assertFalse(text.contains(s), () -> "secret '" + s + "' leaked into:\n" + text);
        }
    }

    // ------------------------------------------------------------------ many errors at once

    @Test
    void reportsEveryErrorAtOnceInFileOrder() {
        ConfigException e = errors("""
                data_dir: relative/dir
                defaults:
                  timeout: 0
                  retires: 3
                credentials:
                  u: {user: mon, auth: SHA-3, auth_pass: short1, priv: AES-128}
                  c: {community: s3cret-comm}
                devices:
                  - name: core 1
                    address: 192.0.2.1
                    credentials: c
                    port: 70000
                  - name: sw1
                    address: 192.0.2.2
                    credentials: u
                    version: v2c
                    interval: 500ms
                    metrics: [system, iface]
                    parent: nowhere
                  - name: sw1
                    credentials: cc
                    retries: 99
                """);
        List<String> paths = e.errors().stream().map(ConfigError::path).toList();
        assertEquals(List.of(
                "data_dir",
                "credentials.u.auth",
                "credentials.u.auth_pass",
                "credentials.u.priv_pass",
                "defaults.retires",
                "defaults.timeout",
                "devices[0].name",
                "devices[0].port",
                "devices[1].version",
                "devices[1].interval",
                "devices[1].metrics[1]",
                "devices[2].name",
                "devices[2].address",
                "devices[2].credentials",
                "devices[2].retries",
                "devices[1].parent"), noneTwice(paths, e));
        String msg = e.getMessage();
        assertTrue(msg.startsWith("test.yaml: 16 configuration errors\n  "), msg);
        assertEquals(17, msg.lines().count(), "one line per error plus the header:\n" + msg);
        assertTrue(msg.contains("devices[0].port: 70000: not a UDP port (1-65535)"), msg);
        assertTrue(msg.contains("devices[2].credentials: cc: unknown credential set (did you mean 'c'?)"), msg);
        assertNoSecret(msg);
    }

    /** Reported in file order per section (unknown keys of a mapping first), parent checks last. */
    private static List<String> noneTwice(List<String> paths, ConfigException e) {
        assertEquals(Set.copyOf(paths).size(), paths.size(), () -> "an error reported twice:\n" + e.getMessage());
        return paths;
    }

    // ------------------------------------------------------------------ secrets

    @Test
    void secretsNeverAppearInErrorsOrInTheLoadedConfig() throws Exception {
        ConfigException e = errors("""
                credentials:
                  a: {community: 987654321}
                  b: {user: mon, auth: MD5, auth_pass: short1}
                  c: {user: mon, auth: MD5, auth_passs: typo-s3cret}
                  d: scalar-s3cret
                  e: {comunity: typo-s3cret}
                  f: {user: mon, auth: SHA, auth_pass: auth-s3cret, priv: AES, priv_pass: sh0rt}
                  g: [s3cret-comm]
                """);
        assertNoSecret(e.getMessage());
        for (ConfigError err : e.errors()) {
            assertNoSecret(err.toString());
            assertNoSecret(String.valueOf(err.value()));
        }
        // the malformed-YAML message must not quote the offending line either
        ConfigException syntax = errors("credentials:\n  c: {community: \"quote-s3cret}\n");
        assertTrue(syntax.getMessage().contains("malformed YAML at line"), syntax.getMessage());
        assertNoSecret(syntax.getMessage());

        MibwatchConfig ok = parse(CREDS + """
                  f: {community: {file: community}}
                  e: {community: {env: MIBWATCH_TEST_COMMUNITY}}
                devices:
                  - {name: a, address: 192.0.2.1, credentials: comm}
                  - {name: b, address: 192.0.2.2, credentials: v3}
                  - {name: c, address: 192.0.2.3, credentials: f}
                """);
        String all = String.valueOf(ok) + ok.credentials() + ok.devices();
        assertTrue(all.contains("<secret>"), all);
        assertNoSecret(all);
    }

    @Test
    void configErrorMasksSecretKeysWhoeverBuildsIt() {
        assertEquals("credentials.x.community: <secret>: bad",
                new ConfigError("credentials.x.community", "hunter2", "bad").toString());
        assertEquals("credentials.x.priv_pass: <secret>: bad",
                new ConfigError("credentials.x.priv_pass", "hunter2", "bad").toString());
        assertEquals("credentials.x.community.file: /etc/x: bad",
                new ConfigError("credentials.x.community.file", "/etc/x", "bad").toString());
        assertEquals("devices[2].port: 70000: not a UDP port (1-65535)",
                new ConfigError("devices[2].port", "70000", "not a UDP port (1-65535)").toString());
        assertEquals("devices[0].address: required", new ConfigError("devices[0].address", null, "required").toString());
        assertEquals("malformed YAML", new ConfigError("", null, "malformed YAML").toString());
    }

    // ------------------------------------------------------------------ files

    @Test
    void loadReadsTheFileAndResolvesSecretFilesBesideIt() throws Exception {
        Path dir = Files.createTempDirectory("mibwatch-load");
        Files.createDirectory(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/c"), "file-s3cret\n");
        Path file = dir.resolve("mibwatch.yaml");
        Files.writeString(file, "credentials:\n  c: {community: {file: secrets/c}}\n"
                + "devices:\n  - {name: a, address: localhost, credentials: c}\n");
        MibwatchConfig c = ConfigLoader.load(file);
        assertEquals("file-s3cret", ((Credentials.Community) c.device("a").orElseThrow().credentials())
                .community().reveal());

        Files.writeString(file, "devices:\n  - {name: a, address: localhost, credentials: c, port: 0}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().startsWith(file + ": 2 configuration errors\n"), e.getMessage());
    }

    @Test
    void missingFileIsAConfigError() {
        Path missing = Path.of("/nonexistent/mibwatch.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertEquals("/nonexistent/mibwatch.yaml: 1 configuration error\n  file does not exist", e.getMessage());
    }
}
