#pragma once

#include <guildgate/config.hpp>
#include <guildgate/discord/field.hpp>

#include <boost/json/fwd.hpp>

#include <string>
#include <vector>

namespace guildgate::discord {

// One entry of GET /users/@me/guilds. Only the fields that rules read are kept.
struct partial_guild {
    std::string id;
    field<std::string> name;
    field<bool> owner;
};

GUILDGATE_DECL partial_guild tag_invoke(boost::json::value_to_tag<partial_guild>,
                                        const boost::json::value& value);

// One page of GET /users/@me/guilds: a JSON array of partial guilds.
struct guild_page {
    std::vector<partial_guild> guilds;
};

GUILDGATE_DECL guild_page tag_invoke(boost::json::value_to_tag<guild_page>,
                                     const boost::json::value& value);

} // namespace guildgate::discord

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/discord/impl/partial_guild.ipp>
#endif
