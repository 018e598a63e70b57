#pragma once

#include <guildgate/discord/detail/json_read.hpp>
#include <guildgate/discord/partial_guild.hpp>

#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>

namespace guildgate::discord {

GUILDGATE_DECL partial_guild tag_invoke(boost::json::value_to_tag<partial_guild>,
                                        const boost::json::value& value)
{
    const auto& object = detail::as_object(value, "a guild");
    partial_guild result;
    result.id = detail::required_id(object, "id");
    result.name = detail::nullable_string(object, "name");
    result.owner = detail::nullable_bool(object, "owner");
    return result;
}

GUILDGATE_DECL guild_page tag_invoke(boost::json::value_to_tag<guild_page>,
                                     const boost::json::value& value)
{
    if (!value.is_array())
        throw decode_error("the guild list must be a JSON array");
    guild_page page;
    page.guilds.reserve(value.get_array().size());
    for (const auto& element : value.get_array())
        page.guilds.push_back(boost::json::value_to<partial_guild>(element));
    return page;
}

} // namespace guildgate::discord
