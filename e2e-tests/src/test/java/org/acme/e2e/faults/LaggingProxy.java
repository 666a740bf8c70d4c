package org.acme.e2e.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP forwarder between the services and the broker that can hold every chunk for a while in
 * each direction. With a lag, a broker's confirm or a consumer's ack spends that long on the wire,
 * so a service killed at a random moment is very likely killed after the broker took a message but
 * before the relay marked it, or after a consumer committed but before its ack arrived: the two
 * windows where at-least-once delivery produces duplicates. Bytes still on the wire when one side
 * dies are dropped, as they would be by a real network.
 */
final class LaggingProxy implements AutoCloseable {

    private record Chunk(long dueNanos, byte[] bytes) {
    }

    private static final Chunk END = new Chunk(0, new byte[0]);

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile long lagNanos;

    LaggingProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        daemon("lagging-proxy-" + port(), this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    void lag(long millis) {
        lagNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream;
                try {
                    upstream = new Socket(targetHost, targetPort);
                } catch (IOException refused) {
                    close(client);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                forward(client, upstream);
                forward(upstream, client);
            } catch (IOException e) {
                // The proxy was closed.
            }
        }
    }

    /** Reads from one side and writes to the other once each chunk's lag has passed. */
    private void forward(Socket from, Socket to) {
        BlockingQueue<Chunk> wire = new ArrayBlockingQueue<>(1024);
        daemon("lagging-proxy-read", () -> {
            byte[] buffer = new byte[32 * 1024];
            try (InputStream in = from.getInputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    wire.put(new Chunk(System.nanoTime() + lagNanos, Arrays.copyOf(buffer, read)));
                }
            } catch (IOException | InterruptedException e) {
                // This side is gone.
            }
            // What is still on the wire is lost with the side that sent it.
            wire.clear();
            wire.offer(END);
            closeBoth(from, to);
        });
        daemon("lagging-proxy-write", () -> {
            try (OutputStream out = to.getOutputStream()) {
                for (Chunk chunk = wire.take(); chunk != END; chunk = wire.take()) {
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // The other side is gone.
            }
            closeBoth(from, to);
        });
    }

    private void closeBoth(Socket a, Socket b) {
        close(a);
        close(b);
        open.remove(a);
        open.remove(b);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(LaggingProxy::close);
    }
}
