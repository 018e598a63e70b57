#pragma once

#include <guildgate/discord/detail/json_read.hpp>
#include <guildgate/discord/field.hpp>

#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>

#include <string>
#include <vector>

namespace guildgate::discord {

// One entry of GET /users/@me/guilds. Only the fields that rules read are kept.
struct partial_guild {
    std::string id;
    field<std::string> name;
    field<bool> owner;
};

inline partial_guild tag_invoke(boost::json::value_to_tag<partial_guild>,
                                const boost::json::value& value)
{
    const auto& object = detail::as_object(value, "a guild");
    partial_guild result;
    result.id = detail::required_id(object, "id");
    result.name = detail::nullable_string(object, "name");
    result.owner = detail::nullable_bool(object, "owner");
    return result;
}

// One page of GET /users/@me/guilds: a JSON array of partial guilds.
struct guild_page {
    std::vector<partial_guild> guilds;
};

inline guild_page tag_invoke(boost::json::value_to_tag<guild_page>,
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
