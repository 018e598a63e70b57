#pragma once

#include <guildgate/core/rule.hpp>

#include <boost/hana/concat.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/unpack.hpp>

#include <type_traits>
#include <utility>

namespace guildgate {

// Rules that run in order; the first deny or error ends the run. `a >> b >> c` and nested
// pipelines flatten into one Hana tuple of rules, so the type stays pipeline<A, B, C>.
template <rule... Rules>
class pipeline {
public:
    constexpr pipeline() = default;
    constexpr explicit pipeline(Rules... rules) : rules_(std::move(rules)...) {}
    constexpr explicit pipeline(boost::hana::tuple<Rules...> rules) : rules_(std::move(rules)) {}

    const boost::hana::tuple<Rules...>& rules() const noexcept { return rules_; }

    static constexpr bool needs_membership() noexcept { return (Rules::needs_membership || ...); }

    // The OAuth2 scopes the pipeline needs: identify (to key the user), every rule's scopes,
    // and guilds when membership is needed and guilds.members.read is absent.
    static constexpr scope_set scopes() noexcept
    {
        scope_set fixed = (scope_set{scope::identify} | ... | Rules::scopes);
        if (needs_membership() && !fixed.contains(scope::guilds_members_read))
            fixed = fixed | scope::guilds;
        return fixed;
    }

    // The Discord resources the pipeline reads.
    static constexpr resource_set resources() noexcept
    {
        resource_set fixed = (resource_set{} | ... | Rules::resources);
        if (needs_membership())
            fixed = fixed | (scopes().contains(scope::guilds_members_read)
                                 ? resource::guild_member
                                 : resource::guild_list);
        return fixed;
    }

    static constexpr effect_set effects() noexcept { return (effect_set{} | ... | Rules::effects); }

    static constexpr bool writes_groups() noexcept { return effects().contains(effect::groups); }

    static constexpr bool writes_attributes() noexcept
    {
        return effects().contains(effect::attributes);
    }

    static constexpr std::size_t size() noexcept { return sizeof...(Rules); }

private:
    boost::hana::tuple<Rules...> rules_;
};

namespace detail {

template <class Type>
struct is_pipeline : std::false_type {};

template <class... Rules>
struct is_pipeline<pipeline<Rules...>> : std::true_type {};

template <rule Rule>
constexpr auto as_tuple(const Rule& r)
{
    return boost::hana::make_tuple(r);
}

template <class... Rules>
constexpr auto as_tuple(const pipeline<Rules...>& p)
{
    return p.rules();
}

} // namespace detail

// Either a rule or a pipeline: what `>>` and evaluate() accept.
template <class Type>
concept rule_or_pipeline = rule<Type> || detail::is_pipeline<Type>::value;

// Returns `p` unchanged, or a one-rule pipeline for a rule.
template <rule_or_pipeline Policy>
constexpr auto as_pipeline(const Policy& policy)
{
    return boost::hana::unpack(detail::as_tuple(policy), [](auto... rules) {
        return pipeline<decltype(rules)...>(std::move(rules)...);
    });
}

// "a, then b": both must allow. Nested compositions flatten into one pipeline.
template <rule_or_pipeline First, rule_or_pipeline Second>
constexpr auto operator>>(const First& first, const Second& second)
{
    return boost::hana::unpack(
        boost::hana::concat(detail::as_tuple(first), detail::as_tuple(second)),
        [](auto... rules) { return pipeline<decltype(rules)...>(std::move(rules)...); });
}

} // namespace guildgate
