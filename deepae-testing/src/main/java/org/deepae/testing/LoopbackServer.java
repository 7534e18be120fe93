package org.deepae.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 for download tests: it serves byte arrays by path, and can announce more
 * bytes than it sends, or send the headers and the first bytes of a body and then stall.
 */
public final class LoopbackServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Long> lyingLengths = new ConcurrentHashMap<>();
    private final Map<String, Integer> stallAfter = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Thread acceptor;

    public LoopbackServer() throws IOException {
        socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "loopback-http");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Serves {@code content} at {@code path}. */
    public LoopbackServer serve(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    /** Serves {@code content} at {@code path} but announces {@code length} bytes and closes after the content. */
    public LoopbackServer serveTruncated(String path, byte[] content, long length) {
        lyingLengths.put(path, length);
        return serve(path, content);
    }

    /** Serves {@code content} with its full Content-Length, but sends only {@code sent} bytes and then goes silent. */
    public LoopbackServer stall(String path, byte[] content, int sent) {
        stallAfter.put(path, sent);
        return serve(path, content);
    }

    /** The URL of {@code path} on this server. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** A loopback URL where nothing listens. */
    public static URI closedPort(String path) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** How many requests asked for {@code path}. */
    public int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread handler = new Thread(() -> handle(client), "loopback-http-client");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            String path = readRequestPath(client.getInputStream());
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            OutputStream out = client.getOutputStream();
            byte[] content = files.get(path);
            if (content == null) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            long announced = lyingLengths.getOrDefault(path, (long) content.length);
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + announced + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Integer sent = stallAfter.get(path);
            out.write(content, 0, sent == null ? content.length : sent);
            out.flush();
            if (sent != null) {
                Thread.sleep(30_000); // silent until the client gives up and the test closes the server
            }
        } catch (IOException | InterruptedException ignored) {
            // the client went away, or the server is closing
        }
    }

    private static String readRequestPath(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (int b; (b = in.read()) >= 0; ) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        String[] requestLine = head.toString().split(" ", 3);
        return requestLine.length > 1 ? requestLine[1] : "/";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
