package io.mibwatch.thresholds.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 receiving webhook POSTs. Answers with the scripted statuses in
 * order, then 200; can be told to hang until released. Records every request.
 */
final class WebhookReceiver implements AutoCloseable {

    record Request(String body, String authorization, String contentType, int answeredWith) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new ArrayList<>();
    private volatile CountDownLatch hang = new CountDownLatch(0);

    WebhookReceiver(int... statuses) throws IOException {
        for (int s : statuses) {
            script.add(s);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", ex -> {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try {
                hang.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Integer scripted = script.poll();
            int status = scripted == null ? 200 : scripted;
            synchronized (requests) {
                requests.add(new Request(body, ex.getRequestHeaders().getFirst("Authorization"),
                        ex.getRequestHeaders().getFirst("Content-Type"), status));
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** Requests hang until {@link #release()}. */
    void hang() {
        hang = new CountDownLatch(1);
    }

    void release() {
        hang.countDown();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> delivered() {
        return requests().stream().filter(r -> r.answeredWith() / 100 == 2).toList();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
