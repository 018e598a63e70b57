#pragma once

#include <guildgate/rules/detail/children.hpp>
#include <guildgate/rules/detail/deny_message.hpp>

#include <boost/hana/tuple.hpp>

#include <optional>
#include <string>
#include <type_traits>

namespace guildgate {

// Allows when at least one rule allows. All rules' resources are fetched once, together, so
// rules that read the same member object share one request. When none allows, an error in
// any rule makes the result an error (that rule might have allowed), and otherwise the first
// rule's deny message is shown. Rules with effects cannot be alternatives.
template <class... Rules>
class any_of_rule : public detail::deny_message_option<any_of_rule<Rules...>> {
    static_assert(sizeof...(Rules) > 0,
                  "guildgate::any_of: needs at least one rule, because an empty any_of could "
                  "never allow; pass the alternative rules as arguments");
    static_assert((rule<Rules> && ...),
                  "guildgate::any_of: every argument must be a rule such as require_role(...); "
                  "check the arguments' types");
    static_assert((!ends_pipeline<Rules> && ...),
                  "guildgate::any_of: only_for_provider must be a rule of the pipeline itself, "
                  "because its pass for another provider would skip every later rule; put it "
                  "first in the pipeline with >>");
    static_assert((Rules::effects.empty() && ...),
                  "guildgate::any_of: a rule with effects (map_roles_to_groups, "
                  "store_discord_attrs) cannot be an alternative; compose it after the any_of "
                  "with >>");

public:
    template <template <class...> class Same>
    using is_combinator = std::enable_if_t<detail::same_template<Same, any_of_rule>::value>;

    static constexpr scope_set scopes = (scope_set{} | ... | Rules::scopes);
    static constexpr bool needs_membership = (Rules::needs_membership || ...);
    static constexpr resource_set resources = (resource_set{} | ... | Rules::resources);
    static constexpr effect_set effects{};
    static constexpr bool decides_on_errors = true;

    constexpr explicit any_of_rule(Rules... rules) : children_(std::move(rules)...) {}

    const boost::hana::tuple<Rules...>& children() const noexcept { return children_; }

    std::string describe() const { return "any_of(" + detail::describe_all(children_) + ")"; }

    void plan(fetch_plan& plan, const plan_context& context) const
    {
        detail::plan_all(children_, plan, context);
    }

    step decide(const fetched_data& data, const plan_context& context) const
    {
        std::optional<step> allowed, first_deny, first_error;
        boost::hana::for_each(children_, [&](const auto& child) {
            if (allowed)
                return;
            step result = detail::run_decide(child, data, context);
            if (result.verdict == verdict::allow)
                allowed = step::allow(child.describe() + " allowed: " + result.reason);
            else if (result.verdict == verdict::error && !first_error)
                first_error = std::move(result);
            else if (result.verdict == verdict::deny && !first_deny)
                first_deny = std::move(result);
        });

        if (allowed)
            return *allowed;
        if (first_error)
            return *first_error;
        return step::deny("no alternative allowed: " + first_deny->reason,
                          this->deny_text(first_deny->message));
    }

private:
    boost::hana::tuple<Rules...> children_;
};

// any_of(a, b, c): nested any_of flatten into one any_of_rule<A, B, C>; a pipeline given as
// an argument counts as one alternative (all of its rules must allow).
template <class... Arguments>
constexpr auto any_of(const Arguments&... arguments)
{
    return detail::make_flat<any_of_rule>(arguments...);
}

} // namespace guildgate
