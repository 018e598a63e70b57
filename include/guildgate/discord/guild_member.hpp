#pragma once

#include <guildgate/config.hpp>
#include <guildgate/discord/field.hpp>

#include <boost/json/fwd.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace guildgate::discord {

// The current user's member object in one guild (GET /users/@me/guilds/{id}/member).
struct guild_member {
    // Role IDs as strings. Discord never lists @everyone (whose ID is the guild's) here.
    std::vector<std::string> roles;

    field<std::string> nick;

    // true: the member has not yet passed Membership Screening.
    field<bool> pending;

    // ISO 8601 end of a timeout; null, absent or past means not timed out.
    field<std::string> communication_disabled_until;

    field<std::string> joined_at;

    bool has_role(std::string_view role_id) const
    {
        return std::find(roles.begin(), roles.end(), role_id) != roles.end();
    }
};

GUILDGATE_DECL guild_member tag_invoke(boost::json::value_to_tag<guild_member>,
                                       const boost::json::value& value);

} // namespace guildgate::discord

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/discord/impl/guild_member.ipp>
#endif
