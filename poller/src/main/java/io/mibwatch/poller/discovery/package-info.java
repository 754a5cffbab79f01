/**
 * Discovery: what a device has (interfaces, storage, processors, UCD objects),
 * computed as a pure function of the walked subtrees so it can be tested against
 * recorded walks of real devices.
 */
package io.mibwatch.poller.discovery;
