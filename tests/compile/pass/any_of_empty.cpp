#include <guildgate/rules/any_of.hpp>
#include <guildgate/rules/require_guild.hpp>

const auto rule =
    guildgate::any_of(guildgate::require_guild("812345678901234567", "Example Guild"));
