#include <guildgate/rules/require_guild.hpp>
#include <guildgate/rules/when.hpp>

const auto in_guild = guildgate::require_guild("812345678901234567", "Example Guild");
const auto rule = guildgate::when(guildgate::stage_is(guildgate::stage::enrollment), in_guild);
