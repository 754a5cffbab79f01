/**
 * Poll plans: the exact instance OIDs to GET on every poll of one device, and
 * which series each of them feeds. Built from the discovered inventory and the
 * metric catalog; pure.
 */
package io.mibwatch.poller.plan;
