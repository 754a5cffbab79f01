package io.mibwatch.thresholds.store;

/** The event store failed; the message names the database file and what was being done. */
public final class AlertStoreException extends RuntimeException {

    private final boolean retryable;

    public AlertStoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param retryable the storage failed, not the data: a full disk (or size cap), an I/O error, a
     *                  read-only file or another process's lock. The same write may succeed later.
     */
    public AlertStoreException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public AlertStoreException(String message) {
        super(message);
        this.retryable = false;
    }

    /** Whether the same write may succeed later (the storage failed), as opposed to being refused for its data. */
    public boolean retryable() {
        return retryable;
    }
}
