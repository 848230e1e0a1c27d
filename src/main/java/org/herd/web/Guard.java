package org.herd.web;

import io.javalin.http.Context;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Who may act (every POST): refused in read-only mode (403), refused from another origin (403: a
 * browser sends {@code Origin} with every cross-site POST, so a page elsewhere cannot make a
 * logged-in operator's browser act), and refused without credentials (401): a known bearer token,
 * or a client certificate signed by {@code --client-ca}, acting as its common name.
 *
 * <p>A token comes only from the {@code Authorization} header, never from a cookie, which a browser
 * would attach to a forged request by itself. A client certificate is such an ambient credential,
 * so an action it authenticates must also say {@code Content-Type: application/json}: a page of
 * another site cannot send that without a CORS preflight, which herd serve never allows. With the
 * origin check, that is what makes actions CSRF-safe.
 */
final class Guard {

  /** The servlet attribute under which Jetty puts the client's verified certificate chain. */
  private static final String CLIENT_CHAIN = "jakarta.servlet.request.X509Certificate";

  private final Tokens tokens;
  private final boolean readOnly;
  private final boolean clientCertificates;

  /**
   * @param clientCertificates whether client certificates are asked for (--client-ca)
   */
  Guard(Tokens tokens, boolean readOnly, boolean clientCertificates) {
    this.tokens = tokens;
    this.readOnly = readOnly;
    this.clientCertificates = clientCertificates;
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
    Optional<X509Certificate> certificate = clientCertificate(ctx);
    if (authorization == null && certificate.isPresent()) {
      return certified(ctx, certificate.get());
    }
    if (tokens.isEmpty() && !clientCertificates) {
      Json.error(
          ctx, 401, "actions need a token: herd serve was started without --tokens or --client-ca");
      return Optional.empty();
    }
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      ctx.header("WWW-Authenticate", "Bearer");
      Json.error(
          ctx,
          401,
          clientCertificates
              ? "actions need 'Authorization: Bearer TOKEN' or a client certificate"
              : "actions need 'Authorization: Bearer TOKEN'");
      return Optional.empty();
    }
    Optional<String> holder = tokens.holder(authorization.substring("Bearer ".length()).strip());
    if (holder.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      Json.error(ctx, 401, "unknown token");
    }
    return holder;
  }

  /** The client certificate Jetty verified against --client-ca, if the client showed one. */
  private Optional<X509Certificate> clientCertificate(Context ctx) {
    if (clientCertificates
        && ctx.req().getAttribute(CLIENT_CHAIN) instanceof X509Certificate[] chain
        && chain.length > 0) {
      return Optional.of(chain[0]);
    }
    return Optional.empty();
  }

  /** The certificate's common name, for a request that says it is JSON; else the refusal. */
  private static Optional<String> certified(Context ctx, X509Certificate certificate) {
    String type = ctx.header("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      Json.error(
          ctx,
          415,
          "an action authenticated by a client certificate needs 'Content-Type: application/json'");
      return Optional.empty();
    }
    Optional<String> name = commonName(certificate);
    if (name.isEmpty()) {
      Json.error(ctx, 401, "the client certificate has no common name (CN) to act as");
    }
    return name;
  }

  static Optional<String> commonName(X509Certificate certificate) {
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return Optional.of(rdn.getValue().toString());
        }
      }
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
