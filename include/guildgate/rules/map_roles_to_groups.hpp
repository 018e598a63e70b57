#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/requirements.hpp>
#include <guildgate/core/snowflake.hpp>
#include <guildgate/engine/effects.hpp>
#include <guildgate/engine/fetch_plan.hpp>
#include <guildgate/engine/step.hpp>
#include <guildgate/rules/detail/deny_message.hpp>
#include <guildgate/rules/role_group_map.hpp>

#include <string>
#include <string_view>

namespace guildgate {

// The stages at which a role-to-group mapping runs.
enum class sync_on : unsigned {
    enrollment = 1,     // gives the mapped groups to the user being created
    authentication = 2, // resyncs the groups the mapping owns at every login
    both = 3,
};

constexpr sync_on operator|(sync_on a, sync_on b) noexcept
{
    return static_cast<sync_on>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}

constexpr bool runs_at(sync_on when, stage at) noexcept
{
    auto bit = at == stage::enrollment ? sync_on::enrollment : sync_on::authentication;
    return (static_cast<unsigned>(when) & static_cast<unsigned>(bit)) != 0;
}

// Maps the user's roles in one guild to groups. At enrollment it gives the mapped groups to
// the user being created; at authentication the user's groups become (groups the mapping does
// not own) ∪ (mapped groups for the roles held). A user who is not in the guild is denied,
// as the authentik sync policies do. At a stage it does not run at, it allows without a request.
class map_roles_to_groups_rule : public detail::deny_message_option<map_roles_to_groups_rule> {
public:
    static constexpr scope_set scopes{scope::guilds_members_read};
    static constexpr bool needs_membership = false;
    static constexpr resource_set resources{resource::guild_member};
    static constexpr effect_set effects{effect::groups};

    map_roles_to_groups_rule(snowflake guild, role_group_map mapping, sync_on when)
        : guild_(guild.to_string()), mapping_(std::move(mapping)), when_(when)
    {
    }

    const std::string& guild_id() const noexcept { return guild_; }
    const role_group_map& mapping() const noexcept { return mapping_; }
    sync_on when() const noexcept { return when_; }

    std::string describe() const;

    void plan(fetch_plan& plan, const plan_context& context) const;

    step decide(const fetched_data& data, const plan_context& context) const;

    void plan_effects(fetch_plan&, const fetched_data&, const plan_context&) const {}

    void collect_effects(const fetched_data& data, const plan_context& context,
                         effect_list& effects) const;

private:
    std::string guild_;
    role_group_map mapping_;
    sync_on when_;
};

// map_roles_to_groups for a guild whose ID is known at compile time (a _snowflake literal).
// The ID is in the type, so a pipeline that maps the same guild twice does not compile.
template <std::uint64_t Guild>
class static_map_roles_to_groups_rule : public map_roles_to_groups_rule {
public:
    static constexpr std::uint64_t static_guild_id = Guild;

    explicit static_map_roles_to_groups_rule(map_roles_to_groups_rule rule)
        : map_roles_to_groups_rule(std::move(rule))
    {
    }

    // Returns a copy that shows `text` to the user on deny, keeping the guild in the type.
    static_map_roles_to_groups_rule deny_message(std::string text) const
    {
        return static_map_roles_to_groups_rule(map_roles_to_groups_rule::deny_message(
            std::move(text)));
    }
};

// map_roles_to_groups("812345678901234567"_snowflake, {{role, "group"}, ...}, sync_on::both).
template <std::uint64_t Guild>
static_map_roles_to_groups_rule<Guild> map_roles_to_groups(snowflake_constant<Guild> guild,
                                                           role_group_map mapping, sync_on when)
{
    return static_map_roles_to_groups_rule<Guild>(
        map_roles_to_groups_rule(guild, std::move(mapping), when));
}

// map_roles_to_groups(guild, {{role, "group"}, ...}, sync_on::authentication).
inline map_roles_to_groups_rule map_roles_to_groups(snowflake guild, role_group_map mapping,
                                                    sync_on when)
{
    return {guild, std::move(mapping), when};
}

// The same with a guild ID from configuration; throws invalid_snowflake when it is not one.
inline map_roles_to_groups_rule map_roles_to_groups(std::string_view guild_id,
                                                    role_group_map mapping, sync_on when)
{
    return {snowflake::from_string(guild_id, "map_roles_to_groups: the guild ID"),
            std::move(mapping), when};
}

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/rules/impl/map_roles_to_groups.ipp>
#endif
