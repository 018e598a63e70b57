#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/rule.hpp>

#include <boost/hana/at.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/tuple.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace guildgate {

namespace detail {

// The mappings whose guild ID is in their type (static_map_roles_to_groups_rule), counted and
// listed through the combinators that nest them, so that a pipeline can reject two mappings
// of one guild at compile time.
template <class Rule>
constexpr std::size_t count_static_guilds();

template <class Rule>
constexpr void list_static_guilds(std::uint64_t* ids, std::size_t& count);

template <class... Rules>
constexpr std::size_t count_static_guilds_in(const boost::hana::tuple<Rules...>*)
{
    return (std::size_t{0} + ... + count_static_guilds<Rules>());
}

template <class... Rules>
constexpr void list_static_guilds_in(const boost::hana::tuple<Rules...>*, std::uint64_t* ids,
                                     std::size_t& count)
{
    (list_static_guilds<Rules>(ids, count), ...);
}

template <class Rule>
using children_tuple = std::remove_cvref_t<decltype(std::declval<const Rule&>().children())>;

template <class Rule>
using child_rule = std::remove_cvref_t<decltype(std::declval<const Rule&>().child())>;

template <class Rule>
constexpr std::size_t count_static_guilds()
{
    if constexpr (requires { Rule::static_guild_id; })
        return 1;
    else if constexpr (requires { typename children_tuple<Rule>; })
        return count_static_guilds_in(static_cast<const children_tuple<Rule>*>(nullptr));
    else if constexpr (requires { typename child_rule<Rule>; })
        return count_static_guilds<child_rule<Rule>>();
    else
        return 0;
}

template <class Rule>
constexpr void list_static_guilds(std::uint64_t* ids, std::size_t& count)
{
    if constexpr (requires { Rule::static_guild_id; })
        ids[count++] = Rule::static_guild_id;
    else if constexpr (requires { typename children_tuple<Rule>; })
        list_static_guilds_in(static_cast<const children_tuple<Rule>*>(nullptr), ids, count);
    else if constexpr (requires { typename child_rule<Rule>; })
        list_static_guilds<child_rule<Rule>>(ids, count);
}

// Returns whether two of the mappings in Rules have the same compile-time guild ID.
template <class... Rules>
constexpr bool static_guild_mapped_twice()
{
    constexpr std::size_t total = (std::size_t{0} + ... + count_static_guilds<Rules>());
    if constexpr (total < 2) {
        return false;
    } else {
        std::uint64_t ids[total]{};
        std::size_t count = 0;
        (list_static_guilds<Rules>(ids, count), ...);
        for (std::size_t i = 0; i < total; ++i)
            for (std::size_t j = i + 1; j < total; ++j)
                if (ids[i] == ids[j])
                    return true;
        return false;
    }
}

} // namespace detail

// Rules that run in order; the first deny or error ends the run. `a >> b >> c` and nested
// pipelines flatten into one Hana tuple of rules, so the type stays pipeline<A, B, C>.
template <rule... Rules>
class pipeline {
    static_assert(!detail::static_guild_mapped_twice<Rules...>(),
                  "guildgate::pipeline: two map_roles_to_groups rules map the same guild; use "
                  "one mapping with sync_on::both, or give each guild one mapping");

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

// The number of rules in a rule (1) or a pipeline.
template <class Policy>
constexpr std::size_t rule_count()
{
    if constexpr (is_pipeline<Policy>::value)
        return Policy::size();
    else
        return 1;
}

// The rule at `Index` of a pipeline, or the rule itself.
template <std::size_t Index, class Policy>
constexpr const auto& rule_at(const Policy& policy)
{
    if constexpr (is_pipeline<Policy>::value)
        return boost::hana::at_c<Index>(policy.rules());
    else
        return policy;
}

template <std::size_t Index, class Policy>
using rule_type_at = std::remove_cvref_t<decltype(rule_at<Index>(std::declval<const Policy&>()))>;

// Builds the pipeline of the rules of `first`, then those of `second`, copying each rule once:
// `>>` runs once per operand, so going without temporary tuples keeps it cheap to compile.
template <class First, class Second, std::size_t... I, std::size_t... J>
constexpr auto join(const First& first, const Second& second, std::index_sequence<I...>,
                    std::index_sequence<J...>)
{
    return pipeline<rule_type_at<I, First>..., rule_type_at<J, Second>...>(
        rule_at<I>(first)..., rule_at<J>(second)...);
}

// A rule that maps roles to groups (map_roles_to_groups): the pipeline checks that no two of
// them conflict.
template <class Rule>
concept group_mapping_rule = requires(const Rule& r) {
    { r.guild_id() } -> std::convertible_to<std::string>;
    { r.mapping().owned_groups() } -> std::convertible_to<std::vector<std::string>>;
    { static_cast<unsigned>(r.when()) } -> std::convertible_to<unsigned>;
};

// Collects a pipeline's role-to-group mappings and rejects two that would fight over the same
// groups: two mappings of one guild (use one mapping with sync_on::both), or two mappings that
// own the same group (each would remove the other's members at login). Guild IDs and group
// names are run-time values, so this runs when the pipeline is built.
class group_mapping_check {
public:
    group_mapping_check();
    ~group_mapping_check();
    group_mapping_check(const group_mapping_check&) = delete;
    group_mapping_check& operator=(const group_mapping_check&) = delete;

    // Throws std::invalid_argument when the mapping of `guild` that owns `groups` conflicts
    // with one added before.
    void add(const std::string& guild, std::vector<std::string> groups);

private:
    struct seen_mapping {
        std::string guild;
        std::vector<std::string> groups;
    };
    std::vector<seen_mapping> seen_;
};

// Adds the mappings in `r` to `check`. Mappings nested in all_of or when count as well, so
// this recurses into them.
template <class Rule>
void add_group_mappings(group_mapping_check& check, const Rule& r)
{
    if constexpr (requires { r.children(); }) {
        boost::hana::for_each(r.children(),
                              [&](const auto& child) { add_group_mappings(check, child); });
    } else if constexpr (requires { r.child(); }) {
        add_group_mappings(check, r.child());
    } else if constexpr (group_mapping_rule<Rule>) {
        check.add(r.guild_id(), r.mapping().owned_groups());
    }
}

template <class... Rules>
void check_group_mappings(const boost::hana::tuple<Rules...>& rules)
{
    group_mapping_check check;
    boost::hana::for_each(rules, [&](const auto& r) { add_group_mappings(check, r); });
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
    if constexpr (detail::is_pipeline<Policy>::value)
        return policy;
    else
        return pipeline<Policy>(policy);
}

// "a, then b": both must allow. Nested compositions flatten into one pipeline.
template <rule_or_pipeline First, rule_or_pipeline Second>
constexpr auto operator>>(const First& first, const Second& second)
{
    return detail::join(first, second, std::make_index_sequence<detail::rule_count<First>()>(),
                        std::make_index_sequence<detail::rule_count<Second>()>());
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

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/core/impl/pipeline.ipp>
#endif
