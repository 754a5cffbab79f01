package io.mibwatch.catalog.mib;

/**
 * Something in a MIB file the loader could not use as written. The rest of the file still loads.
 *
 * @param file  the file, as given by the directory listing
 * @param line  1-based line, 0 when the problem is about the file as a whole
 * @param cause what is wrong, naming the offending text
 */
public record MibProblem(String file, int line, String cause) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + cause : file + ": " + cause;
    }
}
