#pragma once

#include <guildgate/rules/require_guild.hpp>

namespace guildgate {

template <membership_source Source>
void basic_require_guild<Source>::plan(fetch_plan& plan, const plan_context& context) const
{
    if (via_member || context.pipeline_scopes.contains(scope::guilds_members_read))
        plan.need_member(guild_);
    else
        plan.need_listed_guild(guild_);
}

template <membership_source Source>
step basic_require_guild<Source>::decide(const fetched_data& data, const plan_context&) const
{
    std::string message = this->deny_text("User is not a member of " + guild_name_ + ".");
    if (!data.in_guild(guild_))
        return step::deny("not a member of " + guild_ + " (" + guild_name_ + ")", message);

    if (const discord::guild_member* member = data.member(guild_))
        if (auto failed = detail::check_member_status(*member, requirements_, guild_, message))
            return *failed;
    return step::allow("member of " + guild_ + " (" + guild_name_ + ")");
}

} // namespace guildgate
