/**
 * Where the appliance keeps its data: {@link io.mibwatch.app.datadir.DataDir} names the RRD
 * directory and the SQLite files that the daemon, the web UI and the CLI share.
 */
package io.mibwatch.app.datadir;
