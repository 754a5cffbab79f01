package io.mibwatch.thresholds.rule;

import io.mibwatch.core.series.SeriesId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the rule state of every (rule, series) and evaluates observations against the
 * {@link RuleSet}. Thread-safe: observations of different series may arrive concurrently
 * (each series is fed by one poll job at a time, so per-series order is the poll order).
 * The evaluation time is the observation's time, so replaying recorded series gives the same
 * result as live polling.
 */
public final class RuleEngine {

    private record Key(RuleId rule, SeriesId series) {
    }

    private volatile RuleSet rules;
    private final History history;
    private final Map<SeriesId, List<Rule>> resolved = new ConcurrentHashMap<>();
    private final Map<Key, RuleState> states = new ConcurrentHashMap<>();

    public RuleEngine(RuleSet rules, History history) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.history = Objects.requireNonNull(history, "history");
    }

    /** Evaluates every rule that applies to the observation's series. */
    public List<RuleResult> observe(Observation obs) {
        Instant now = obs.at();
        List<Rule> applicable = resolved.computeIfAbsent(obs.series(), s -> rules.resolve(s));
        List<RuleResult> out = new ArrayList<>(applicable.size());
        for (Rule rule : applicable) {
            Key key = new Key(rule.id(), obs.series());
            Evaluation[] result = new Evaluation[1];
            states.compute(key, (k, state) -> {
                result[0] = rule.evaluate(state == null ? RuleState.INITIAL : state, obs, now, history);
                return result[0].next();
            });
            out.add(new RuleResult(rule, obs.series(), now, result[0]));
        }
        return out;
    }

    /**
     * Swaps in a new rule set (config reload). States of rules that keep their id are kept,
     * so a reload does not restart pending counts; states of removed rules are dropped.
     */
    public void reload(RuleSet next) {
        this.rules = Objects.requireNonNull(next, "next");
        resolved.clear();
        states.keySet().removeIf(k -> next.resolve(k.series()).stream().noneMatch(r -> r.id().equals(k.rule())));
    }

    /** The rules that apply to a series (for {@code rules list} / the check command). */
    public List<Rule> rulesFor(SeriesId series) {
        return resolved.computeIfAbsent(series, s -> rules.resolve(s));
    }
}
