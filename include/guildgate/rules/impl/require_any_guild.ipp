#pragma once

#include <guildgate/rules/require_any_guild.hpp>

namespace guildgate {

GUILDGATE_DECL require_any_guild_rule::require_any_guild_rule(std::vector<snowflake> guilds)
{
    if (guilds.empty())
        throw std::invalid_argument(
            "require_any_guild: the guild list is empty; give at least one guild ID");
    for (auto guild : guilds)
        guilds_.push_back(guild.to_string());
}

GUILDGATE_DECL std::string require_any_guild_rule::describe() const
{
    std::string text = "require_any_guild({";
    for (std::size_t i = 0; i < guilds_.size(); ++i)
        text += (i ? ", " : "") + guilds_[i];
    return text + "})";
}

GUILDGATE_DECL void require_any_guild_rule::plan(fetch_plan& plan, const plan_context&) const
{
    for (const auto& guild : guilds_)
        plan.need_listed_guild(guild);
}

GUILDGATE_DECL step require_any_guild_rule::decide(const fetched_data& data,
                                                   const plan_context&) const
{
    for (const auto& guild : guilds_)
        if (data.in_guild(guild))
            return step::allow("member of " + guild);
    return step::deny("member of none of " + std::to_string(guilds_.size()) + " guilds",
                      deny_text("User is not a member of any of the required guilds."));
}

} // namespace guildgate
