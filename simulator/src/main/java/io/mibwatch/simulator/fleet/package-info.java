/**
 * The built-in demo fleet: about twenty devices (core routers, access switches, Linux and Windows
 * servers, UPSes, a firewall, a WAN router with IP SLA operations) generated from templates in
 * code, so the project ships device data it made itself ({@link io.mibwatch.simulator.fleet.Fleet}),
 * and a writer of {@code .snmprec} files ({@link io.mibwatch.simulator.fleet.SnmprecWriter}) so an
 * agent loads them exactly like recordings. Only OIDs (facts, looked up in the MIBs) are taken
 * from elsewhere; names, descriptions and values are invented.
 */
package io.mibwatch.simulator.fleet;
