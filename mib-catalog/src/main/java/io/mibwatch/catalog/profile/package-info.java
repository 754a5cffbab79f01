/**
 * Device profiles: which metric groups a kind of device is polled with, chosen by
 * SNMPv2-MIB sysObjectID prefix (RFC 3418) and, where products share a prefix, a
 * sysDescr pattern. Discovery then keeps the groups the device really answers.
 */
package io.mibwatch.catalog.profile;
