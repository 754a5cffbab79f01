package io.mibwatch.simulator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.simulator.model.Behaviour;
import io.mibwatch.simulator.model.DeviceModel;
import io.mibwatch.simulator.model.TrafficShape;
import io.mibwatch.simulator.scenario.Scenario;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;

class ModelViewTest {
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    static final OID SYS_DESCR = new OID("1.3.6.1.2.1.1.1.0");
    static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");
    static final OID IF_HC_IN_1 = new OID("1.3.6.1.2.1.31.1.1.1.6.1");

    private static ModelView core1() {
        Simulation.Source src = Simulation.builtInSources().stream().filter(s -> s.name().equals("core1")).findFirst().orElseThrow();
        return new ModelView(src.recording(), DeviceModel.of("core1", src.values(), START, TrafficShape.DEFAULT, Scenario.EMPTY));
    }

    @Test
    void dynamicIndexesAreExactlyTheModelsMovingOids() {
        ModelView v = core1();
        int moving = 0;
        for (int i = 0; i < v.recording().size(); i++) {
            boolean expected = !(v.model().behaviour(v.recording().oid(i)) instanceof Behaviour.Static);
            assertEquals(expected, v.isDynamic(i), v.recording().oid(i).toDottedString());
            if (expected) moving++;
        }
        assertEquals(moving, v.dynamicCount());
        assertFalse(v.isDynamic(v.recording().find(SYS_DESCR.getValue(), SYS_DESCR.size())));
        assertTrue(v.isDynamic(v.recording().find(SYS_UPTIME.getValue(), SYS_UPTIME.size())));
        assertTrue(v.isDynamic(v.recording().find(IF_HC_IN_1.getValue(), IF_HC_IN_1.size())));
    }

    @Test
    void valuesAreTheModelsAtTheRequestedTime() {
        ModelView v = core1();
        int i = v.recording().find(IF_HC_IN_1.getValue(), IF_HC_IN_1.size());
        Instant later = START.plusSeconds(600);
        assertEquals(v.model().valueAt(IF_HC_IN_1, later), v.valueAt(i, later));
        assertEquals(v.recording().value(i), v.valueAt(i, START), "at the start the counter is the recorded one");
        assertNotEquals(v.valueAt(i, START), v.valueAt(i, later), "a busy 10G port counts in 10 minutes");
    }
}
