#pragma once

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

    std::string describe() const
    {
        return "map_roles_to_groups(" + guild_ + ", " + std::to_string(mapping_.entries().size()) +
            " roles)";
    }

    void plan(fetch_plan& plan, const plan_context& context) const
    {
        if (runs_at(when_, context.login.stage))
            plan.need_member(guild_);
    }

    step decide(const fetched_data& data, const plan_context& context) const
    {
        if (!runs_at(when_, context.login.stage))
            return step::allow("does not run at " + std::string(to_string(context.login.stage)));
        if (!data.member(guild_))
            return step::deny("not a member of " + guild_,
                              deny_text("User is not a member of the guild."));
        return step::allow("member of " + guild_);
    }

    void plan_effects(fetch_plan&, const fetched_data&, const plan_context&) const {}

    void collect_effects(const fetched_data& data, const plan_context& context,
                         effect_list& effects) const
    {
        const discord::guild_member* member = data.member(guild_);
        if (!runs_at(when_, context.login.stage) || !member)
            return;

        auto groups = mapping_.groups_for(member->roles);
        if (context.login.stage == stage::enrollment) {
            for (auto& group : groups)
                effects.enrollment_groups.push_back(group);
        } else {
            effects.syncs.push_back({mapping_.owned_groups(), std::move(groups)});
        }
    }

private:
    std::string guild_;
    role_group_map mapping_;
    sync_on when_;
};

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
