#include <guildgate/rules/any_of.hpp>
#include <guildgate/rules/require_guild.hpp>
#include <guildgate/rules/store_discord_attrs.hpp>

const auto in_guild = guildgate::require_guild("812345678901234567", "Example Guild");
const auto in_other_guild = guildgate::require_guild("812345678901234568", "Other Guild");

// The rule with effects runs after the alternatives, composed with >>.
const auto policy = guildgate::any_of(in_guild, in_other_guild) >>
    guildgate::store_discord_attrs(guildgate::avatar_size<64>);
