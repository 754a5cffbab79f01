/**
 * Derived series that need counter rates (interface utilisation), computed after the
 * rate stage from the plan's {@link io.mibwatch.poller.plan.PollPlan.Derived} entries. Pure.
 */
package io.mibwatch.poller.derive;
