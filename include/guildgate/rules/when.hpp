#pragma once

#include <guildgate/core/condition.hpp>
#include <guildgate/rules/detail/children.hpp>

#include <string>

namespace guildgate {

namespace detail {

template <class Type>
inline constexpr bool is_condition = login_condition<Type>;

} // namespace detail

// Runs the rule only when the condition holds for the login; otherwise allows without a
// request. The rule's effects apply only when it ran. The pipeline's scopes include the rule's
// whatever the condition, since the OAuth2 source requests them for every login.
template <class Condition, class Rule>
class when_rule {
    static_assert(detail::is_condition<Condition>,
                  "guildgate::when: the first argument is not a condition; use stage_is(...), "
                  "provider_is(...) or condition(predicate, \"description\")");
    static_assert(rule<Rule>,
                  "guildgate::when: the second argument must be a rule such as "
                  "require_role(...); check its type");
    static_assert(!ends_pipeline<Rule>,
                  "guildgate::when: only_for_provider must be a rule of the pipeline itself, "
                  "because its pass for another provider would skip every later rule; put it "
                  "first in the pipeline with >>");

public:
    static constexpr scope_set scopes = Rule::scopes;
    static constexpr bool needs_membership = Rule::needs_membership;
    static constexpr resource_set resources = Rule::resources;
    static constexpr effect_set effects = Rule::effects;
    static constexpr bool decides_on_errors = true;

    when_rule(Condition condition, Rule child)
        : condition_(std::move(condition)), child_(std::move(child))
    {
    }

    const Rule& child() const noexcept { return child_; }

    std::string describe() const
    {
        return "when(" + condition_.describe() + ", " + child_.describe() + ")";
    }

    void plan(fetch_plan& plan, const plan_context& context) const
    {
        if (condition_.test(context.login))
            child_.plan(plan, context);
    }

    step decide(const fetched_data& data, const plan_context& context) const
    {
        if (!condition_.test(context.login))
            return step::allow("skipped: " + condition_.describe() + " does not hold");
        return detail::run_decide(child_, data, context);
    }

    void plan_effects(fetch_plan& plan, const fetched_data& data,
                      const plan_context& context) const
    {
        if constexpr (detail::rule_with_effects<Rule>)
            if (condition_.test(context.login))
                child_.plan_effects(plan, data, context);
    }

    void collect_effects(const fetched_data& data, const plan_context& context,
                         effect_list& effects) const
    {
        if constexpr (detail::rule_with_effects<Rule>)
            if (condition_.test(context.login))
                child_.collect_effects(data, context, effects);
    }

private:
    Condition condition_;
    Rule child_;
};

// when(stage_is(stage::enrollment), require_role(...)).
template <class Condition, class Rule>
when_rule<Condition, Rule> when(Condition condition, Rule child)
{
    return {std::move(condition), std::move(child)};
}

} // namespace guildgate
