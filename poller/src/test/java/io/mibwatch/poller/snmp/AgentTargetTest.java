package io.mibwatch.poller.snmp;

import io.mibwatch.config.AuthProtocol;
import io.mibwatch.config.Credentials;
import io.mibwatch.config.DeviceConfig;
import io.mibwatch.config.PrivProtocol;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentTargetTest {

    private static final Credentials.Usm USM = new Credentials.Usm("core-v3", "monitor", AuthProtocol.SHA256,
            Secret.of("auth-secret-123"), PrivProtocol.AES128, Secret.of("priv-secret-456"), "");

    @Test
    void copiesEveryPollingFieldOfADevice() {
        DeviceConfig d = new DeviceConfig("core1", "192.0.2.1", 1161, SnmpVersion.V3, USM, Duration.ofSeconds(60),
                Duration.ofMillis(1500), 3, 10, false, 2, List.of("system"), Optional.empty());
        assertEquals(new AgentTarget("192.0.2.1", 1161, SnmpVersion.V3, USM, Duration.ofMillis(1500), 3, 10, false, 2),
                AgentTarget.of(d));
    }

    @Test
    void toStringNamesTheUserButNoSecret() {
        AgentTarget t = new AgentTarget("192.0.2.1", 161, SnmpVersion.V3, USM, Duration.ofSeconds(5), 2, 25, true, 4);
        String s = t.toString();
        assertFalse(s.contains("auth-secret-123"), s);
        assertFalse(s.contains("priv-secret-456"), s);
        assertTrue(s.contains("192.0.2.1:161") && s.contains("monitor") && s.contains("authPriv"), s);

        AgentTarget c = new AgentTarget("sw1", 161, SnmpVersion.V2C,
                new Credentials.Community("lab", Secret.of("s3cr3t-community")), Duration.ofSeconds(5), 2, 25, true, 4);
        assertFalse(c.toString().contains("s3cr3t-community"), c.toString());
        assertTrue(c.toString().contains("community 'lab'"), c.toString());
    }

    @Test
    void v1NeverBulks() {
        Credentials.Community pub = new Credentials.Community("p", Secret.of("public"));
        assertFalse(new AgentTarget("h", 161, SnmpVersion.V1, pub, Duration.ofSeconds(1), 0, 25, true, 4).useBulk());
        assertTrue(new AgentTarget("h", 161, SnmpVersion.V2C, pub, Duration.ofSeconds(1), 0, 25, true, 4).useBulk());
        assertFalse(new AgentTarget("h", 161, SnmpVersion.V2C, pub, Duration.ofSeconds(1), 0, 25, false, 4).useBulk());
    }

    @Test
    void rejectsCredentialsOfTheWrongKindNamingTheAgent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new AgentTarget("sw1", 161, SnmpVersion.V2C, USM, Duration.ofSeconds(1), 0, 25, true, 4));
        assertEquals("sw1:161: version v2c needs a community, got credentials 'core-v3'", e.getMessage());
    }

    @Test
    void rejectsNonsenseLimits() {
        Credentials.Community pub = new Credentials.Community("p", Secret.of("public"));
        assertThrows(IllegalArgumentException.class, () ->
                new AgentTarget("h", 161, SnmpVersion.V2C, pub, Duration.ZERO, 0, 25, true, 4));
        assertThrows(IllegalArgumentException.class, () ->
                new AgentTarget("h", 161, SnmpVersion.V2C, pub, Duration.ofSeconds(1), 0, 0, true, 4));
        assertThrows(IllegalArgumentException.class, () ->
                new AgentTarget("h", 161, SnmpVersion.V2C, pub, Duration.ofSeconds(1), 0, 25, true, 0));
        assertThrows(IllegalArgumentException.class, () ->
                new AgentTarget("h", 0, SnmpVersion.V2C, pub, Duration.ofSeconds(1), 0, 25, true, 4));
    }
}
