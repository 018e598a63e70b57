#pragma once

#include <guildgate/engine/fetch_plan.hpp>

#include <algorithm>

namespace guildgate {

GUILDGATE_DECL void fetch_plan::need_listed_guild(const std::string& guild_id)
{
    add(listed_guilds, guild_id);
}

GUILDGATE_DECL void fetch_plan::need_member(const std::string& guild_id)
{
    add(members, guild_id);
}

GUILDGATE_DECL void fetch_plan::need_avatar(const std::string& url)
{
    add(avatars, url);
}

GUILDGATE_DECL void fetch_plan::add(std::vector<std::string>& list, const std::string& value)
{
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

GUILDGATE_DECL const discord::guild_member* fetched_data::member(const std::string& guild_id) const
{
    auto it = members.find(guild_id);
    return it == members.end() || !it->second.value ? nullptr : &*it->second.value;
}

GUILDGATE_DECL std::optional<discord::api_error>
fetched_data::error_in(const fetch_plan& plan) const
{
    if (scope_error && !plan.empty())
        return scope_error;
    if (plan.current_user && !current_user)
        return current_user_error;
    for (const auto& guild_id : plan.members) {
        auto it = members.find(guild_id);
        if (it == members.end())
            return missing("the member object of " + guild_id);
        if (it->second.error)
            return it->second.error;
    }
    for (const auto& guild_id : plan.listed_guilds)
        if (!listed_guilds.count(guild_id))
            return guild_list_error ? guild_list_error
                                    : missing("the guild list entry of " + guild_id);
    return std::nullopt;
}

GUILDGATE_DECL bool fetched_data::in_guild(const std::string& guild_id) const
{
    if (auto it = members.find(guild_id); it != members.end())
        return it->second.value.has_value();
    auto it = listed_guilds.find(guild_id);
    return it != listed_guilds.end() && it->second;
}

} // namespace guildgate
