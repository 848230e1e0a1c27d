package org.herd.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * The lab repository's HTTP server: serves the files of one directory, read-only, on the lab bridge
 * address. It runs as its own small JVM started detached by {@code herd lab up} (its pid is in the
 * lab journal), so it outlives the command; {@code herd lab down} stops it.
 *
 * <p>It uses only the JDK, so it can be started with nothing but its own class on the class path:
 * {@code java -cp CLASSES org.herd.lab.RepoServer DIR ADDRESS PORT}.
 */
public final class RepoServer {

  private final Path root;
  private final HttpServer server;

  private RepoServer(Path root, HttpServer server) {
    this.root = root;
    this.server = server;
  }

  /** Starts serving {@code root} on {@code address:port}. */
  public static RepoServer start(Path root, String address, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 64);
    RepoServer repo = new RepoServer(root.toAbsolutePath().normalize(), server);
    server.createContext("/", repo::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return repo;
  }

  /** Stops serving. */
  public void stop() {
    server.stop(0);
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Path file = resolve(exchange.getRequestURI());
      if (file == null || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long size = Files.size(file);
      exchange.getResponseHeaders().set("Content-Type", contentType(file));
      exchange
          .getResponseHeaders()
          .set(
              "Last-Modified",
              java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  Files.getLastModifiedTime(file).toInstant().atZone(java.time.ZoneOffset.UTC)));
      if (method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
      try (InputStream in = Files.newInputStream(file);
          OutputStream out = exchange.getResponseBody()) {
        in.transferTo(out);
      }
    }
  }

  /** The file a request names, or null when it would leave the served directory. */
  Path resolve(URI uri) {
    String path = uri.getPath();
    if (path == null || path.contains("\0")) {
      return null;
    }
    Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
    return file.startsWith(root) ? file : null;
  }

  private static String contentType(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".deb")) {
      return "application/vnd.debian.binary-package";
    }
    if (name.endsWith(".gz")) {
      return "application/gzip";
    }
    return "text/plain; charset=utf-8";
  }

  /** Serves {@code args[0]} on {@code args[1]}:{@code args[2]} until the process is stopped. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: RepoServer DIR ADDRESS PORT");
      return;
    }
    start(Path.of(args[0]), args[1], Integer.parseInt(args[2]));
    System.err.println(
        "herd lab repository: serving " + args[0] + " on " + args[1] + ":" + args[2]);
  }
}
