/** Adapters feeding learned baselines from the app's RRD store. */
package io.mibwatch.app.baseline;
