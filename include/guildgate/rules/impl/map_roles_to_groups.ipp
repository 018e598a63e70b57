#pragma once

#include <guildgate/rules/map_roles_to_groups.hpp>

namespace guildgate {

GUILDGATE_DECL std::string map_roles_to_groups_rule::describe() const
{
    return "map_roles_to_groups(" + guild_ + ", " + std::to_string(mapping_.entries().size()) +
        " roles)";
}

GUILDGATE_DECL void map_roles_to_groups_rule::plan(fetch_plan& plan,
                                                   const plan_context& context) const
{
    if (runs_at(when_, context.login.stage))
        plan.need_member(guild_);
}

GUILDGATE_DECL step map_roles_to_groups_rule::decide(const fetched_data& data,
                                                     const plan_context& context) const
{
    if (!runs_at(when_, context.login.stage))
        return step::allow("does not run at " + std::string(to_string(context.login.stage)));
    if (!data.member(guild_))
        return step::deny("not a member of " + guild_,
                          deny_text("User is not a member of the guild."));
    return step::allow("member of " + guild_);
}

GUILDGATE_DECL void
map_roles_to_groups_rule::collect_effects(const fetched_data& data, const plan_context& context,
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

} // namespace guildgate
