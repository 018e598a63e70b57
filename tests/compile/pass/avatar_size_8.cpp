#include <guildgate/rules/store_discord_attrs.hpp>

// 16 pixels, the smallest size the CDN serves.
const auto profile = guildgate::store_discord_attrs(guildgate::avatar_size<16>);
