package io.mibwatch.poller.snmp;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Limits the requests in flight to one agent. Small agents (embedded switches, UPS cards) drop
 * or answer slowly when flooded, so each agent gets at most {@code limit} unanswered requests;
 * the rest wait in a queue. Nothing blocks: {@link #submit} runs the task now or queues it, and
 * {@link #release} (called when a response or timeout arrives) starts the next queued one.
 *
 * <p>Tasks run on the thread that submits or releases, outside the lock. A task that completes
 * synchronously (and so releases from inside {@code submit}) does not recurse: the draining loop
 * below is re-entrancy safe, so a long queue of immediately failing requests cannot overflow the stack.
 */
final class OutstandingGate {

    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;
    private int limit;
    private boolean draining;

    /** Runs {@code task} once a slot is free; the task must lead to exactly one {@link #release()}. */
    void submit(int limit, Runnable task) {
        synchronized (this) {
            this.limit = limit;
            waiting.add(task);
        }
        drain();
    }

    /** Frees the slot of a finished request and starts the next waiting one, if any. */
    void release() {
        synchronized (this) {
            inFlight--;
        }
        drain();
    }

    synchronized int inFlight() {
        return inFlight;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    private void drain() {
        synchronized (this) {
            if (draining) {
                return; // the thread already draining re-checks the queue before it stops
            }
            draining = true;
        }
        while (true) {
            Runnable next;
            synchronized (this) {
                if (inFlight >= limit || waiting.isEmpty()) {
                    draining = false;
                    return;
                }
                next = waiting.poll();
                inFlight++;
            }
            try {
                next.run(); // tasks catch everything themselves; this only guards the flag
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    draining = false;
                }
                throw e;
            }
        }
    }
}
