package io.mibwatch.app.cli;

/** A failure reported to the user as one line with an exit code; never a stack trace. */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public CliFailure(String message) {
        this(message, ExitCodes.FAILURE);
    }

    public CliFailure(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
