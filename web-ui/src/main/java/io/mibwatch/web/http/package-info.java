/**
 * The contract every web feature is written against: {@link io.mibwatch.web.http.Route}s with the
 * {@link io.mibwatch.web.http.Access} they need, grouped in {@link io.mibwatch.web.http.WebFeature}s,
 * JSON in and out through {@link io.mibwatch.web.http.Json}, errors as {@link io.mibwatch.web.http.HttpError}.
 * The server (sessions, tokens, CSRF, security headers) enforces access before a handler runs,
 * so a handler never checks a role itself unless the answer depends on it.
 */
package io.mibwatch.web.http;
