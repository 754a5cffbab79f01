package io.mibwatch.thresholds.store;

/** The event store failed; the message names the database file and what was being done. */
public final class AlertStoreException extends RuntimeException {
    public AlertStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public AlertStoreException(String message) {
        super(message);
    }
}
