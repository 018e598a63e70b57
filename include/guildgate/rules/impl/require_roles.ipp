#pragma once

#include <guildgate/rules/require_roles.hpp>

namespace guildgate {

template <role_match Match>
require_roles_rule<Match>::require_roles_rule(snowflake guild, std::vector<snowflake> roles,
                                              std::string guild_name)
    : guild_(guild.to_string()), guild_name_(std::move(guild_name))
{
    if (roles.empty())
        throw std::invalid_argument(std::string(entry_point()) +
                                    ": the role list is empty; give at least one role ID");
    for (auto role : roles)
        roles_.push_back(role.to_string());
}

template <role_match Match>
std::string require_roles_rule<Match>::describe() const
{
    std::string text = std::string(entry_point()) + "(" + guild_ + ", {";
    for (std::size_t i = 0; i < roles_.size(); ++i)
        text += (i ? ", " : "") + roles_[i];
    return text + "})";
}

template <role_match Match>
step require_roles_rule<Match>::decide(const fetched_data& data, const plan_context&) const
{
    const discord::guild_member* member = data.member(guild_);
    if (!member)
        return step::deny("not a member of " + guild_ + " (" + guild_name_ + ")",
                          this->deny_text("User is not a member of " + guild_name_ + "."));

    std::string message = this->deny_text("User does not have the required roles in " +
                                          guild_name_ + ".");
    if (auto failed = detail::check_member_status(*member, requirements_, guild_, message))
        return *failed;

    std::size_t held = 0;
    std::string missing;
    for (const auto& role : roles_) {
        if (role == guild_ || member->has_role(role))
            ++held;
        else
            missing += (missing.empty() ? "" : ", ") + role;
    }

    bool passes = Match == role_match::any ? held > 0 : held == roles_.size();
    if (passes)
        return step::allow("holds " + std::to_string(held) + " of " +
                           std::to_string(roles_.size()) + " roles");
    return step::deny("lacks roles " + missing, message);
}

} // namespace guildgate
