package io.mibwatch.app.cli;

/** Exit codes of the CLI. 2 is picocli's (and POSIX's) usage error. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran but failed: timeout, authentication failure, unknown host, I/O. */
    public static final int FAILURE = 1;
    /** Bad command line. */
    public static final int USAGE = 2;
    /** Configuration file invalid. */
    public static final int CONFIG = 3;

    private ExitCodes() {
    }
}
