package org.deepae.robustness;

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
 * A minimal HTTP/1.1 server on 127.0.0.1 for download tests: it serves byte arrays by path, and can send the headers
 * and the first bytes of a body and then stall.
 */
final class LoopbackServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Integer> stallAfter = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Thread acceptor;

  LoopbackServer() throws IOException {
    socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "loopback-http");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  LoopbackServer serve(String path, byte[] content) {
    files.put(path, content);
    return this;
  }

  /** Serves {@code content} with its full Content-Length, but sends only {@code sent} bytes and then goes silent. */
  LoopbackServer stall(String path, byte[] content, int sent) {
    stallAfter.put(path, sent);
    return serve(path, content);
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
  }

  int requests(String path) {
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
      out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + content.length + "\r\nConnection: close\r\n\r\n")
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
