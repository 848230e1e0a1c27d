/**
 * {@code herd serve}'s HTTP layer: routes, authentication, serialization, live events and metrics
 * over Javalin (Jetty). It stays thin: what a call shows is computed by the read models and use
 * cases of {@code ops}; this package only routes, checks who may act, and writes JSON. See
 * docs/serve.md.
 */
package org.herd.web;
