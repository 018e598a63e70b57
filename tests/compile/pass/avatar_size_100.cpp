#include <guildgate/rules/store_discord_attrs.hpp>

const auto profile = guildgate::store_discord_attrs(guildgate::avatar_size<128>);
