#pragma once

#include <guildgate/core/rule.hpp>

#include <boost/hana/concat.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/unpack.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace guildgate {

// Rules that run in order; the first deny or error ends the run. `a >> b >> c` and nested
// pipelines flatten into one Hana tuple of rules, so the type stays pipeline<A, B, C>.
template <rule... Rules>
class pipeline {
public:
    constexpr pipeline() = default;

    // Throws std::invalid_argument when two role-to-group mappings conflict (see
    // detail::check_group_mappings).
    constexpr explicit pipeline(Rules... rules) : rules_(std::move(rules)...) { validate(); }

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
    constexpr void validate() const;

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

// A rule that maps roles to groups (map_roles_to_groups): the pipeline checks that no two of
// them conflict.
template <class Rule>
concept group_mapping_rule = requires(const Rule& r) {
    { r.guild_id() } -> std::convertible_to<std::string>;
    { r.mapping().owned_groups() } -> std::convertible_to<std::vector<std::string>>;
    { static_cast<unsigned>(r.when()) } -> std::convertible_to<unsigned>;
};

// Rejects two mappings that would fight over the same groups: two mappings of one guild (use
// one mapping with sync_on::both), or two mappings that own the same group (each would remove
// the other's members at login). Guild IDs and group names are run-time values, so this runs
// when the pipeline is built.
template <class... Rules>
void check_group_mappings(const boost::hana::tuple<Rules...>& rules)
{
    struct seen_mapping {
        std::string guild;
        std::vector<std::string> groups;
    };
    std::vector<seen_mapping> seen;

    // Mappings nested in all_of or when count as well, so the visit recurses into them.
    auto visit = [&](const auto& self, const auto& r) -> void {
        using rule_type = std::decay_t<decltype(r)>;
        if constexpr (requires { r.children(); }) {
            boost::hana::for_each(r.children(), [&](const auto& child) { self(self, child); });
        } else if constexpr (requires { r.child(); }) {
            self(self, r.child());
        } else if constexpr (group_mapping_rule<rule_type>) {
            seen_mapping current{r.guild_id(), r.mapping().owned_groups()};
            for (const auto& other : seen) {
                if (other.guild == current.guild)
                    throw std::invalid_argument(
                        "map_roles_to_groups: guild " + current.guild +
                        " is mapped twice in one pipeline; use one mapping with sync_on::both");
                for (const auto& group : current.groups)
                    if (std::find(other.groups.begin(), other.groups.end(), group) !=
                        other.groups.end())
                        throw std::invalid_argument(
                            "map_roles_to_groups: group \"" + group +
                            "\" is owned by two mappings, so each would remove the other's "
                            "members; give each mapping its own groups");
            }
            seen.push_back(std::move(current));
        }
    };
    boost::hana::for_each(rules, [&](const auto& r) { visit(visit, r); });
}

} // namespace detail

template <rule... Rules>
constexpr void pipeline<Rules...>::validate() const
{
    if (!std::is_constant_evaluated())
        detail::check_group_mappings(rules_);
}

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

// `rule >> x` where x is not a rule: one readable error instead of a list of candidates.
template <class First, class Second>
    requires(rule_or_pipeline<First> != rule_or_pipeline<Second>)
constexpr auto operator>>(const First&, const Second&)
{
    static_assert(rule_or_pipeline<First> && rule_or_pipeline<Second>,
                  "guildgate::operator>>: one operand is not a rule; compose only rules such as "
                  "require_guild(...) and pipelines made of them");
    return 0;
}

// Returns the space-separated scopes to configure on the OAuth2 source for `policy`.
template <rule_or_pipeline Policy>
std::string scope_string(const Policy& policy)
{
    return to_string(decltype(as_pipeline(policy))::scopes());
}

} // namespace guildgate
