#pragma once

#include <guildgate/rules/detail/children.hpp>
#include <guildgate/rules/detail/deny_message.hpp>

#include <boost/hana/tuple.hpp>

#include <string>
#include <type_traits>

namespace guildgate {

// Allows when every rule allows, checked in order: the first deny or error decides, as with
// `>>`. Equivalent to `a >> b >> c` as one rule, for use inside any_of and not_. Effects of
// its rules are kept.
template <class... Rules>
class all_of_rule : public detail::deny_message_option<all_of_rule<Rules...>> {
    static_assert((rule<Rules> && ...),
                  "guildgate::all_of: every argument must be a rule such as require_role(...); "
                  "check the arguments' types");
    static_assert((!ends_pipeline<Rules> && ...),
                  "guildgate::all_of: only_for_provider must be a rule of the pipeline itself, "
                  "because its pass for another provider would skip every later rule; put it "
                  "first in the pipeline with >>");

public:
    template <template <class...> class Same>
    using is_combinator = std::enable_if_t<detail::same_template<Same, all_of_rule>::value>;

    static constexpr scope_set scopes = (scope_set{} | ... | Rules::scopes);
    static constexpr bool needs_membership = (Rules::needs_membership || ...);
    static constexpr resource_set resources = (resource_set{} | ... | Rules::resources);
    static constexpr effect_set effects = (effect_set{} | ... | Rules::effects);
    static constexpr bool decides_on_errors = true;

    constexpr explicit all_of_rule(Rules... rules) : children_(std::move(rules)...) {}

    const boost::hana::tuple<Rules...>& children() const noexcept { return children_; }

    std::string describe() const { return "all_of(" + detail::describe_all(children_) + ")"; }

    void plan(fetch_plan& plan, const plan_context& context) const
    {
        detail::plan_all(children_, plan, context);
    }

    step decide(const fetched_data& data, const plan_context& context) const
    {
        std::optional<step> ended;
        boost::hana::for_each(children_, [&](const auto& child) {
            if (ended)
                return;
            step result = detail::run_decide(child, data, context);
            if (result.verdict != verdict::allow || result.pass_rest)
                ended = std::move(result);
        });
        if (!ended)
            return step::allow("every rule allowed");
        if (ended->verdict == verdict::deny)
            ended->message = this->deny_text(std::move(ended->message));
        return *ended;
    }

    void plan_effects(fetch_plan& plan, const fetched_data& data,
                      const plan_context& context) const
    {
        boost::hana::for_each(children_, [&](const auto& child) {
            if constexpr (detail::rule_with_effects<std::decay_t<decltype(child)>>)
                child.plan_effects(plan, data, context);
        });
    }

    void collect_effects(const fetched_data& data, const plan_context& context,
                         effect_list& effects) const
    {
        boost::hana::for_each(children_, [&](const auto& child) {
            if constexpr (detail::rule_with_effects<std::decay_t<decltype(child)>>)
                child.collect_effects(data, context, effects);
        });
    }

private:
    boost::hana::tuple<Rules...> children_;
};

// all_of(a, b, c): nested all_of and pipelines flatten into one all_of_rule<A, B, C>.
template <class... Arguments>
constexpr auto all_of(const Arguments&... arguments)
{
    return detail::make_flat<all_of_rule>(arguments...);
}

} // namespace guildgate
