#pragma once

#include <guildgate/engine/effects.hpp>
#include <guildgate/engine/fetch_plan.hpp>
#include <guildgate/engine/step.hpp>

namespace guildgate::detail {

// Rules that combine other rules (any_of, not_, all_of, when) see the errors of their
// children's resources themselves, so the engine does not stop them on the first error.
template <class Rule>
concept decides_on_errors = Rule::decides_on_errors;

// A rule with an effects phase: plan_effects() lists what only effects read (the avatar),
// collect_effects() adds to the effect list once every gate has passed.
template <class Rule>
concept rule_with_effects = requires(const Rule& r, fetch_plan& plan, const fetched_data& data,
                                     const plan_context& context, effect_list& effects) {
    r.plan_effects(plan, data, context);
    r.collect_effects(data, context, effects);
};

// Runs `rule`'s decide() on what was fetched, or returns the error of a resource that its
// plan lists and that failed.
template <class Rule>
step run_decide(const Rule& rule, const fetched_data& data, const plan_context& context)
{
    if constexpr (!decides_on_errors<Rule>) {
        fetch_plan plan;
        rule.plan(plan, context);
        if (auto error = data.error_in(plan))
            return step{verdict::error, error->detail, {}, error};
    }
    return rule.decide(data, context);
}

} // namespace guildgate::detail
