package org.herd.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who may act (every POST): refused in read-only mode (403), refused from another origin (403: a
 * browser sends {@code Origin} with every cross-site POST, so a page elsewhere cannot make a
 * logged- in operator's browser act), and refused without a known bearer token (401). Credentials
 * come only from the {@code Authorization} header, never from cookies, which a browser would attach
 * to a forged request by itself; that, with the origin check, is what makes actions CSRF-safe.
 */
final class Guard {

  private final Tokens tokens;
  private final boolean readOnly;

  Guard(Tokens tokens, boolean readOnly) {
    this.tokens = tokens;
    this.readOnly = readOnly;
  }

  /** Who acts, or empty when the request was refused (the answer is written). */
  Optional<String> actor(Context ctx) {
    if (readOnly) {
      Json.error(ctx, 403, "herd serve is read-only (--read-only): actions are refused");
      return Optional.empty();
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals(ctx.scheme() + "://" + ctx.host())) {
      Json.error(ctx, 403, "cross-origin request refused (Origin " + origin + ")");
      return Optional.empty();
    }
    String authorization = ctx.header("Authorization");
    if (tokens.isEmpty()) {
      Json.error(ctx, 401, "actions need a token: herd serve was started without --tokens");
      return Optional.empty();
    }
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      ctx.header("WWW-Authenticate", "Bearer");
      Json.error(ctx, 401, "actions need 'Authorization: Bearer TOKEN'");
      return Optional.empty();
    }
    Optional<String> holder = tokens.holder(authorization.substring("Bearer ".length()).strip());
    if (holder.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      Json.error(ctx, 401, "unknown token");
    }
    return holder;
  }
}
