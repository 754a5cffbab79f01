package io.mibwatch.thresholds.rule;

import java.time.Instant;

/**
 * A threshold or event rule, evaluated per series. {@link #evaluate} is pure: the same
 * state, observation, time and history always give the same evaluation, so the engine can
 * hold the state wherever it likes and tests can replay synthetic series.
 *
 * <p>The kinds are a closed set so that code switching over them (describing a rule, the
 * YAML mapping) is checked by the compiler. A new kind joins by adding its record to
 * {@code permits}, as the learned-baseline kind did: it reads what it needs through
 * {@link History} (or an interface of its own passed to the record) and returns the same
 * {@link Evaluation}, so the alert state machine needs no change.
 */
public sealed interface Rule permits StaticThreshold, PercentageRule, ReferenceRule, ChangeRule,
        Unreachable, Reboot, InterfaceDown, BaselineRule {

    RuleId id();

    /**
     * One evaluation step.
     *
     * @param state   what this rule remembered about the series ({@link RuleState#INITIAL} at first)
     * @param obs     the new observation of the series
     * @param now     evaluation time (the observation's time in the daemon; injected, never read here)
     * @param history stored values, for rules that look back or at sibling series
     */
    Evaluation evaluate(RuleState state, Observation obs, Instant now, History history);

    /** {@link #evaluate(RuleState, Observation, Instant, History)} for rules that need no history. */
    default Evaluation evaluate(RuleState state, Observation obs, Instant now) {
        return evaluate(state, obs, now, History.EMPTY);
    }

    /** One line for {@code rules list} and alert details. */
    String describe();
}
