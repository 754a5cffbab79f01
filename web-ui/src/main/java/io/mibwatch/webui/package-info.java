/** The NOC web UI, JSON API and SSE alert feed (Undertow). Built by the web UI issue. */
package io.mibwatch.webui;
