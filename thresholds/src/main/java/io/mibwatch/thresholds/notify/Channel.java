package io.mibwatch.thresholds.notify;

import io.mibwatch.config.Secret;
import java.util.List;

/**
 * Somewhere notifications go. {@link #send} returns once the peer accepted the message
 * (HTTP 2xx, SMTP 250 after DATA, datagram handed to the kernel) and throws otherwise; it must
 * bound its own blocking with a timeout. The {@link Dispatcher} calls one channel from one thread
 * only, and never from the evaluation thread.
 */
public interface Channel {

    /** The configured name routes refer to, e.g. {@code noc-webhook}. */
    String name();

    void send(Notification n) throws DeliveryException;

    /** Secrets this channel holds; the dispatcher masks them in every error it logs or stores. */
    default List<Secret> secrets() {
        return List.of();
    }
}
