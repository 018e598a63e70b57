#pragma once

#include <guildgate/discord/detail/json_read.hpp>
#include <guildgate/discord/guild_member.hpp>

#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>

namespace guildgate::discord {

GUILDGATE_DECL guild_member tag_invoke(boost::json::value_to_tag<guild_member>,
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
