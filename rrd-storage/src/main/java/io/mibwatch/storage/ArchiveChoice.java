package io.mibwatch.storage;

import java.util.Comparator;
import java.util.List;

/**
 * Which archive answers a fetch (pure; the store feeds it what the RRD file says).
 *
 * <p>Chosen here rather than by RRD4J's own {@code findMatchingArchive}, whose rule (closest step
 * among archives covering the whole range, else the largest overlap) can pick a FINER archive
 * than asked for and depends on the fetch end; the contract of
 * {@link SeriesStore#fetch} is simpler to reason about:
 * <ol>
 *   <li>candidates are the archives at least as coarse as the requested resolution (if none is,
 *       the coarsest archive is the best that can be done);</li>
 *   <li>the finest candidate that still holds the row containing {@code from} wins;</li>
 *   <li>if none reaches back that far, the candidate reaching furthest back wins (ties: finer),
 *       i.e. fall back to the coarser archive rather than return a mostly empty answer.</li>
 * </ol>
 */
final class ArchiveChoice {

    /**
     * What the choice needs to know of an archive.
     *
     * @param index    the archive's index in the RRD file
     * @param step     row width in seconds
     * @param firstRow timestamp of the oldest row it holds (seconds)
     */
    record Candidate(int index, long step, long firstRow) {}

    private ArchiveChoice() {}

    static Candidate choose(List<Candidate> archives, long resolution, long from) {
        if (archives.isEmpty()) {
            throw new IllegalArgumentException("no archive to choose from");
        }
        List<Candidate> coarseEnough = archives.stream()
                .filter(a -> a.step() >= resolution)
                .sorted(Comparator.comparingLong(Candidate::step))
                .toList();
        if (coarseEnough.isEmpty()) {
            return archives.stream().max(Comparator.comparingLong(Candidate::step)).orElseThrow();
        }
        for (Candidate a : coarseEnough) {
            // the first row a fetch returns is floor(from/step)*step (as rrdtool and RRD4J do);
            // the archive covers `from` if it still holds that row
            if (Math.floorDiv(from, a.step()) * a.step() >= a.firstRow()) {
                return a;
            }
        }
        return coarseEnough.stream()
                .min(Comparator.comparingLong(Candidate::firstRow).thenComparingLong(Candidate::step))
                .orElseThrow();
    }
}
