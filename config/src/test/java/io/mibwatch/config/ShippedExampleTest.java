package io.mibwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.catalog.metric.MetricCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The example config we ship, and its commented-out examples switched on. */
class ShippedExampleTest {

    /** etc/mibwatch.yaml of the project, found by walking up from the module directory. */
    static Path shippedExample() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("etc/mibwatch.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("etc/mibwatch.yaml not found above " + Path.of("").toAbsolutePath());
    }

    static Path examplesVariant() throws Exception {
        return Path.of(ShippedExampleTest.class.getResource("mibwatch-examples.yaml").toURI());
    }

    @Test
    void shippedExampleLoadsWithZeroDevicesAndStockDefaults() throws Exception {
        MibwatchConfig c = ConfigLoader.load(shippedExample());
        assertEquals(List.of(), c.devices());
        assertEquals(Defaults.STOCK, c.defaults());
        assertInstanceOf(Credentials.Community.class, c.credentials().get("public-ro"));
        assertEquals(null, c.dataDir());
        assertEquals(RrdConfig.DEFAULT, c.rrd(), "the rrd: example is commented out");
    }

    @Test
    void examplesVariantLoads() throws Exception {
        MibwatchConfig c = ConfigLoader.load(examplesVariant());
        assertEquals(Path.of("/var/lib/mibwatch"), c.dataDir());
        assertEquals(List.of("access-sw1", "core-rtr1", "web1"),
                c.devices().stream().map(DeviceConfig::name).toList());

        DeviceConfig sw = c.device("access-sw1").orElseThrow();
        assertEquals(SnmpVersion.V2C, sw.version());
        assertEquals(50, sw.maxRepetitions());
        assertEquals(List.of("system", "interfaces"), sw.metrics());
        assertEquals(Duration.ofSeconds(60), sw.interval());
        assertEquals(161, sw.port());
        assertTrue(sw.useBulk());

        DeviceConfig rtr = c.device("core-rtr1").orElseThrow();
        assertEquals(SnmpVersion.V3, rtr.version());
        Credentials.Usm usm = assertInstanceOf(Credentials.Usm.class, rtr.credentials());
        assertEquals("monitor", usm.user());
        assertEquals(AuthProtocol.SHA256, usm.auth());
        assertEquals(PrivProtocol.AES128, usm.priv());
        assertEquals("authPriv", usm.securityLevel());
        assertEquals("core-v3-auth-phrase", usm.authPass().reveal(), "first line, trimmed");
        assertEquals("core-v3-priv-phrase", usm.privPass().reveal(), "only the first line");
        assertEquals(Duration.ofSeconds(30), rtr.interval());
        assertEquals(Duration.ofSeconds(3), rtr.timeout());
        assertEquals(1, rtr.retries());

        DeviceConfig web = c.device("web1").orElseThrow();
        assertEquals("2001:db8::80", web.address());
        assertEquals(Optional.of("core-rtr1"), web.parent());
        assertEquals(Duration.ofMinutes(2), web.interval());
        assertFalse(web.bulk());
        assertEquals(1, web.maxOutstanding());
        assertEquals(MetricCatalog.standard().standardGroups(), web.metrics());

        Credentials.Community fromFile =
                assertInstanceOf(Credentials.Community.class, c.credentials().get("from-file"));
        assertEquals("from-file-community", fromFile.community().reveal());
    }

    /**
     * The test variant must not drift from the shipped file: the shipped example block, with its
     * leading '#' removed, must describe exactly the devices the variant loads.
     */
    @Test
    void shippedExampleBlockMatchesTheVariant() throws Exception {
        List<String> lines = Files.readAllLines(shippedExample());
        int start = lines.indexOf("#devices:");
        assertTrue(start > 0, "the shipped file has a commented-out '#devices:' example block");
        String block = lines.subList(start, lines.size()).stream()
                .map(l -> l.startsWith("#") ? l.substring(1) : l)
                .collect(Collectors.joining("\n"));
        YAMLMapper yaml = new YAMLMapper();
        JsonNode shipped = yaml.readTree(block).get("devices");
        JsonNode variant = yaml.readTree(Files.readString(examplesVariant())).get("devices");
        assertEquals(variant, shipped);
        assertEquals(3, shipped.size());
        JsonNode shippedAll = yaml.readTree(block);
        JsonNode variantAll = yaml.readTree(Files.readString(examplesVariant()));
        for (String key : List.of("thresholds", "notifications", "services", "rrd")) {
            assertEquals(variantAll.get(key), shippedAll.get(key), key);
        }
        // http: same keys; the variant has inline secrets where the shipped file reads files
        assertEquals(variantAll.get("http").get("listen"), shippedAll.get("http").get("listen"));
        assertEquals(variantAll.get("http").get("https").get("keystore"), shippedAll.get("http").get("https").get("keystore"));
        MibwatchConfig c = ConfigLoader.load(examplesVariant());
        assertEquals("0.0.0.0:8080", c.http().listen().orElseThrow().toString());
        assertEquals("example-metrics-token-0123", c.http().metricsToken().orElseThrow().reveal());
        assertEquals(Duration.ofMinutes(5), c.rrd().writeBehind());
    }

    @Test
    void examplesVariantAlertingSections() throws Exception {
        MibwatchConfig c = ConfigLoader.load(examplesVariant());
        ThresholdsConfig t = c.thresholds();
        assertTrue(t.vendorReferences() && t.percentageDefaults());
        assertEquals(5, t.unreachablePolls());
        assertEquals(new ThresholdsConfig.Match("lab-*", "*", "*", "*"), t.overrides().get(0).match());
        assertTrue(t.overrides().get(0).disable());
        ThresholdsConfig.Override cpu = t.overrides().get(1);
        assertEquals(new ThresholdsConfig.Match("*", "cpu", "load", "*"), cpu.match());
        assertEquals(new ThresholdsConfig.Levels(true, java.util.OptionalDouble.of(85), java.util.OptionalDouble.of(95),
                java.util.OptionalDouble.of(80), 2, Duration.ofMinutes(2)), cpu.levels().orElseThrow());
        assertEquals(List.of("web-disk-low", "traffic-jump"), t.rules().stream().map(ThresholdsConfig.UserRule::name).toList());
        assertFalse(t.rules().get(0).levels().high());
        assertEquals(ThresholdsConfig.Kind.RELATIVE_CHANGE, t.rules().get(1).kind());
        assertEquals(Optional.of(Duration.ofMinutes(10)), t.rules().get(1).against());

        NotificationsConfig n = c.notifications();
        assertEquals(List.of("noc-webhook", "noc-mail", "local-syslog"),
                n.channels().stream().map(NotificationsConfig.Channel::name).toList());
        NotificationsConfig.Webhook hook = assertInstanceOf(NotificationsConfig.Webhook.class, n.channels().get(0));
        assertEquals("example-webhook-token", hook.bearerToken().orElseThrow().reveal());
        NotificationsConfig.Email mail = assertInstanceOf(NotificationsConfig.Email.class, n.channels().get(1));
        assertEquals(NotificationsConfig.StartTls.REQUIRED, mail.startTls());
        assertEquals("example-smtp-password", mail.password().orElseThrow().reveal());
        assertEquals(List.of("noc@example.net"), mail.to());
        assertEquals(3, n.routes().size());
        assertTrue(n.routes().get(0).continueMatching());
        assertEquals(java.util.Map.of("device", "core-*"), n.routes().get(1).labels());
        assertEquals(List.of(NotificationKind.FIRING, NotificationKind.RESOLVED), n.routes().get(2).kinds());
    }
}
