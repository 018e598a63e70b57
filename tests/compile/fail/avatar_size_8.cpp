// expect: guildgate::avatar_size<N>: N must be a power of two from 16 to 4096
#include <guildgate/rules/store_discord_attrs.hpp>

const auto profile = guildgate::store_discord_attrs(guildgate::avatar_size<8>);
