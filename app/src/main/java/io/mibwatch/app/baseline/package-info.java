/** Adapters feeding learned baselines (issue 6) from the app's stores. */
package io.mibwatch.app.baseline;
