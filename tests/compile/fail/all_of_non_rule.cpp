// expect: guildgate::all_of: every argument must be a rule
#include <guildgate/rules/all_of.hpp>
#include <guildgate/rules/require_guild.hpp>

const auto in_guild = guildgate::require_guild("812345678901234567", "Example Guild");
const auto rule = guildgate::all_of(in_guild, 42);
