package io.mibwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
        assertEquals(ConfigLoader.METRIC_GROUPS, web.metrics());

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
    }
}
