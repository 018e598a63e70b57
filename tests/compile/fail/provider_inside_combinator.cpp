// expect: guildgate::when: only_for_provider must be a rule of the pipeline itself
#include <guildgate/rules/only_for_provider.hpp>
#include <guildgate/rules/require_guild.hpp>
#include <guildgate/rules/when.hpp>

const auto policy = guildgate::when(guildgate::stage_is(guildgate::stage::enrollment),
                                    guildgate::only_for_provider("github")) >>
    guildgate::require_guild("812345678901234567", "Example Guild");
