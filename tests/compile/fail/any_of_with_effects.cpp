// expect: guildgate::any_of: a rule with effects
#include <guildgate/rules/any_of.hpp>
#include <guildgate/rules/require_guild.hpp>
#include <guildgate/rules/store_discord_attrs.hpp>

const auto in_guild = guildgate::require_guild("812345678901234567", "Example Guild");
const auto rule =
    guildgate::any_of(in_guild, guildgate::store_discord_attrs(guildgate::avatar_size<64>));
