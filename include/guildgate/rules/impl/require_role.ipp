#pragma once

#include <guildgate/rules/require_role.hpp>

namespace guildgate {

GUILDGATE_DECL std::string require_role_rule::describe() const
{
    return "require_role(" + guild_ + ", " + role_ + " \"" + role_name_ + "\")";
}

GUILDGATE_DECL step require_role_rule::decide(const fetched_data& data, const plan_context&) const
{
    std::string message = deny_text("User is not a member of the " + role_name_ +
                                     " role in " + guild_name_ + ".");
    const discord::guild_member* member = data.member(guild_);
    if (!member)
        return step::deny("not a member of " + guild_ + " (" + guild_name_ + ")",
                          deny_text("User is not a member of " + guild_name_ + "."));

    if (auto failed = detail::check_member_status(*member, requirements_, guild_, message))
        return *failed;

    if (role_ == guild_)
        return step::allow("member of " + guild_ + ", which @everyone requires");
    if (member->has_role(role_))
        return step::allow("holds role " + role_ + " (" + role_name_ + ")");
    return step::deny("lacks role " + role_ + " (" + role_name_ + ")", message);
}

} // namespace guildgate
