package org.herd.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web view: one page ({@code /}) and its script and style sheet, read from the jar once, served
 * with a policy that lets the page load nothing but them and the API of this server.
 */
final class Pages {

  private static final String DIRECTORY = "/org/herd/web/static/";

  /** Path served → (resource, content type). */
  private static final Map<String, String[]> FILES =
      Map.of(
          "/", new String[] {"index.html", "text/html; charset=utf-8"},
          "/static/herd.js", new String[] {"herd.js", "text/javascript; charset=utf-8"},
          "/static/herd.css", new String[] {"herd.css", "text/css; charset=utf-8"});

  private Pages() {}

  static void register(RoutesConfig routes) {
    FILES.forEach(
        (path, file) -> {
          byte[] body = read(file[0]);
          routes.get(path, ctx -> send(ctx, body, file[1]));
        });
  }

  private static void send(Context ctx, byte[] body, String type) {
    ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-cache")
        .contentType(type)
        .result(body);
  }

  private static byte[] read(String name) {
    try (InputStream in = Pages.class.getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + DIRECTORY + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
