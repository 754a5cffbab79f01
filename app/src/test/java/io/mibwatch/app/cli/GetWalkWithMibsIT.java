package io.mibwatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mibwatch.poller.testing.SnmpdFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code get}/{@code walk --mib-dir} against a real net-snmp snmpd on 127.0.0.1. */
class GetWalkWithMibsIT {

    private static SnmpdFixture agent;
    private static String dir;

    @BeforeAll
    static void start() throws Exception {
        agent = SnmpdFixture.launch();
        dir = MibCli.mibDir().toString();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void getByNameShowsNamesAndFormattedValues() {
        MibCli.Result r = MibCli.run("get", "--mib-dir", dir, target(), "sysUpTime.0", "IF-MIB::ifOperStatus.1",
                "IF-MIB::ifType.1");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        // DISMAN-EVENT-MIB names the instance 1.3.6.1.2.1.1.3.0 itself; the exact match wins, as with snmpget
        assertTrue(lines.get(0).matches("DISMAN-EVENT-MIB::sysUpTimeInstance = TimeTicks: \\(\\d+\\) \\d+:\\d\\d:\\d\\d\\.\\d\\d"), lines.get(0));
        assertEquals("IF-MIB::ifOperStatus.1 = INTEGER: up(1)", lines.get(1));
        assertEquals("IF-MIB::ifType.1 = INTEGER: softwareLoopback(24)", lines.get(2));
    }

    @Test
    void walkJsonGainsNameAndKeepsContract() throws Exception {
        MibCli.Result r = MibCli.run("walk", "--json", "--mib-dir", dir, target(), "IF-MIB::ifDescr");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(!lines.isEmpty(), r.out());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(List.of("oid", "type", "value", "hex", "name", "formatted"), iterable(first));
        assertEquals("IF-MIB::ifDescr." + first.get("oid").asText().substring("1.3.6.1.2.1.2.2.1.2.".length()),
                first.get("name").asText());
    }

    @Test
    void withoutMibsOutputIsUnchanged() {
        MibCli.Result r = MibCli.run("get", target(), "1.3.6.1.2.1.2.2.1.8.1");
        assertEquals(0, r.exit(), r.err());
        assertEquals("1.3.6.1.2.1.2.2.1.8.1 = INTEGER: 1", r.out().strip());
    }

    private static String target() {
        return agent.host() + ":" + agent.port();
    }

    private static List<String> iterable(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
