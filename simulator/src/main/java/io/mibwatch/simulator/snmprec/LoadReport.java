package io.mibwatch.simulator.snmprec;

/**
 * What reading one {@code .snmprec} file found.
 *
 * @param file           the file name (for messages)
 * @param records        non-blank lines
 * @param served         distinct OIDs kept
 * @param junkLines      non-blank lines that are not a valid record (skipped)
 * @param firstJunkLine  1-based line number of the first junk line, 0 if none
 * @param duplicates     lines whose OID an earlier line already had (the later line wins, as in snmpsim)
 */
public record LoadReport(String file, int records, int served, int junkLines, int firstJunkLine, int duplicates) {
}
