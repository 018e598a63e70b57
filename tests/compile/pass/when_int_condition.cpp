#include <guildgate/rules/only_for_provider.hpp>
#include <guildgate/rules/when.hpp>

const auto rule = guildgate::when(guildgate::stage_is(guildgate::stage::enrollment),
                                  guildgate::only_for_provider("discord"));
