package io.mibwatch.thresholds.store;

import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.thresholds.alert.AlertState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Child process for {@link CrashRecoveryIT}: writes batches in a loop and prints
 * {@code committed SEQ NOTIFICATION_ID} after each {@code apply} returned, until it is killed.
 * Args: database file, round number.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        int round = Integer.parseInt(args[1]);
        try (AlertStore store = AlertStore.open(db)) {
            Instant t = Rows.T0.plusSeconds(round * 100_000L);
            store.addSilence(new SilenceRow("round-" + round, SilenceRow.Matcher.device("dev" + round + "-*"), t,
                    t.plusSeconds(3600), "crash", "round " + round));
            AlertRow acked = Rows.pending("acked" + round, t).withAck(
                    new AckRow(Rows.alertId("acked" + round), "ann", "round " + round, t));
            store.apply(new Batch(List.of(), List.of(acked), List.of(acked.ack().orElseThrow()), List.of()));
            System.out.println("ready " + store.activeAlerts().size());
            System.out.flush();
            for (int i = 0; ; i++) {
                String device = "dev" + round + "-" + i;
                Instant at = t.plusSeconds(i);
                String nid = "r" + round + "-n" + i;
                List<Long> seqs = store.apply(
                        List.of(Rows.transition(device, AlertState.INACTIVE, AlertState.PENDING, at)),
                        List.of(Rows.pending(device, at)),
                        List.of(Rows.notification(nid, device, NotificationKind.FIRING, at)));
                System.out.println("committed " + seqs.get(0) + " " + nid);
                System.out.flush();
            }
        }
    }
}
