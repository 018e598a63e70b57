#pragma once

#include <guildgate/discord/detail/json_read.hpp>
#include <guildgate/discord/field.hpp>

#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>

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

inline guild_member tag_invoke(boost::json::value_to_tag<guild_member>,
                               const boost::json::value& value)
{
    const auto& object = detail::as_object(value, "the guild member");
    guild_member result;
    result.roles = detail::required_id_array(object, "roles");
    result.nick = detail::nullable_string(object, "nick");
    result.pending = detail::nullable_bool(object, "pending");
    result.communication_disabled_until =
        detail::nullable_string(object, "communication_disabled_until");
    result.joined_at = detail::nullable_string(object, "joined_at");
    return result;
}

} // namespace guildgate::discord
