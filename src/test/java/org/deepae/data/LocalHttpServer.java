package org.deepae.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A loopback-only HTTP server serving byte arrays by path, for download tests. */
final class LocalHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Long> lyingLengths = new ConcurrentHashMap<>();

  LocalHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Serves {@code content} at {@code path}. */
  LocalHttpServer serve(String path, byte[] content) {
    files.put(path, content);
    return this;
  }

  /** Serves {@code content} at {@code path} but announces {@code length} bytes and closes after the content. */
  LocalHttpServer serveTruncated(String path, byte[] content, long length) {
    lyingLengths.put(path, length);
    return serve(path, content);
  }

  /** The URL of {@code path} on this server. */
  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** A loopback URL where nothing listens. */
  static URI closedPort(String path) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] content = files.get(path);
      if (content == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long length = lyingLengths.getOrDefault(path, (long) content.length);
      exchange.sendResponseHeaders(200, length);
      OutputStream body = exchange.getResponseBody();
      body.write(content);
      body.flush();
    } catch (IOException expectedForTruncatedResponses) {
      // closing a fixed-length body early makes the server drop the connection, which is the point
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
