package io.mibwatch.thresholds.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.thresholds.redbutton.ActivePeriod;
import io.mibwatch.thresholds.redbutton.Complaint;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedButtonStoreTest {
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void complaintsPeriodsAndSuggestionsSurviveReopening() {
        try (AlertStore s = AlertStore.open(tmp.resolve("m.db"))) {
            RedButtonStore r = s.redButton();
            r.addComplaint(new Complaint("ann", "voip", T0), T0);
            r.addComplaint(new Complaint("bob", "voip", T0.plusSeconds(60)), T0);
            r.addComplaint(new Complaint("bob", "web", T0), T0);
            r.addActivePeriod(new ActivePeriod("ann", "voip", T0.minusSeconds(3600), T0.plusSeconds(3600)), T0);
            long id = r.addSuggestion("voip", "r1:cisco_rtt/1/rtt", 120, 30, 30, "{\"p\":0.001}", T0);
            assertTrue(r.adopt(id, "ann", T0.plusSeconds(5)));
            assertFalse(r.adopt(id, "bob", T0.plusSeconds(6)), "adopted once");
        }
        try (AlertStore s = AlertStore.open(tmp.resolve("m.db"))) {
            RedButtonStore r = s.redButton();
            assertEquals(List.of(new Complaint("ann", "voip", T0), new Complaint("bob", "voip", T0.plusSeconds(60))),
                    r.complaints("voip", T0.minusSeconds(1)));
            assertEquals(List.of(new Complaint("bob", "voip", T0.plusSeconds(60))), r.complaints("voip", T0.plusSeconds(1)));
            assertEquals(1, r.activePeriods("voip", T0).size());
            assertEquals(0, r.activePeriods("voip", T0.plusSeconds(3600)).size(), "ended by then");
            RedButtonStore.Suggestion sug = r.latestSuggestion("voip", "r1:cisco_rtt/1/rtt").orElseThrow();
            assertEquals(120, sug.tFrustrated());
            assertEquals("{\"p\":0.001}", sug.evidence());
            assertEquals(Optional.of(T0.plusSeconds(5)), sug.adoptedAt());
            assertEquals(Optional.of("ann"), sug.adoptedBy());
        }
    }

    @Test
    void anActivePeriodMustEndAfterItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new ActivePeriod("ann", "voip", T0, T0));
    }
}
