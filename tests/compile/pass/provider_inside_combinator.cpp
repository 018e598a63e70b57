#include <guildgate/core/pipeline.hpp>
#include <guildgate/rules/only_for_provider.hpp>
#include <guildgate/rules/require_guild.hpp>

const auto policy = guildgate::only_for_provider("discord") >>
    guildgate::require_guild("812345678901234567", "Example Guild");
