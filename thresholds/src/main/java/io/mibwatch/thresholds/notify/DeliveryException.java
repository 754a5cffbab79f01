package io.mibwatch.thresholds.notify;

/** A channel could not hand a notification over; the message names the channel and the peer, never a secret. */
public final class DeliveryException extends Exception {
    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
