/**
 * The alert event store: one SQLite file (WAL, {@code synchronous=FULL}) with the current alerts,
 * the append-only transition history, acks, silences and the notification outbox.
 *
 * <p>The records here ({@link io.mibwatch.thresholds.store.AlertRow},
 * {@link io.mibwatch.thresholds.store.TransitionRow}, {@link io.mibwatch.thresholds.store.AckRow},
 * {@link io.mibwatch.thresholds.store.SilenceRow}) are the persistence-facing shape; the alert state
 * machine maps its own values onto them. One evaluation step is one
 * {@link io.mibwatch.thresholds.store.Batch}, written in one transaction together with the
 * notifications it causes, so "transition recorded" and "notification queued" never disagree.
 *
 * <p>Schema changes are numbered migrations ({@code Migrations}); a database newer than the code is
 * refused, never downgraded.
 */
package io.mibwatch.thresholds.store;
