#pragma once

#include <guildgate/rules/detail/children.hpp>
#include <guildgate/rules/detail/deny_message.hpp>

#include <string>

namespace guildgate {

// Allows when the rule denies and denies when it allows, with "User is not allowed to log
// in." unless .deny_message() replaces it. An error stays an error: a rule that could not be
// checked never turns into an allow.
template <class Rule>
class not_rule : public detail::deny_message_option<not_rule<Rule>> {
    static_assert(rule<Rule>,
                  "guildgate::not_: the argument must be a rule such as require_role(...); "
                  "check its type");
    static_assert(!ends_pipeline<Rule>,
                  "guildgate::not_: only_for_provider must be a rule of the pipeline itself, "
                  "because its pass for another provider would skip every later rule; put it "
                  "first in the pipeline with >>");
    static_assert(Rule::effects.empty(),
                  "guildgate::not_: a rule with effects (map_roles_to_groups, "
                  "store_discord_attrs) cannot be negated; negate a gate rule instead");

public:
    static constexpr scope_set scopes = Rule::scopes;
    static constexpr bool needs_membership = Rule::needs_membership;
    static constexpr resource_set resources = Rule::resources;
    static constexpr effect_set effects{};
    static constexpr bool decides_on_errors = true;

    constexpr explicit not_rule(Rule child) : child_(std::move(child)) {}

    const Rule& child() const noexcept { return child_; }

    std::string describe() const { return "not_(" + child_.describe() + ")"; }

    void plan(fetch_plan& plan, const plan_context& context) const { child_.plan(plan, context); }

    step decide(const fetched_data& data, const plan_context& context) const
    {
        step result = detail::run_decide(child_, data, context);
        if (result.verdict == verdict::error)
            return result;
        if (result.verdict == verdict::deny)
            return step::allow(child_.describe() + " denied: " + result.reason);
        return step::deny(child_.describe() + " allowed: " + result.reason,
                          this->deny_text("User is not allowed to log in."));
    }

private:
    Rule child_;
};

// not_(require_role(guild, banned_role, "Banned")): allows users without the role.
template <class Rule>
constexpr not_rule<Rule> not_(Rule child)
{
    return not_rule<Rule>(std::move(child));
}

} // namespace guildgate
