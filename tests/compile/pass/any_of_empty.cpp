#include <guildgate/rules/any_of.hpp>
#include <guildgate/rules/only_for_provider.hpp>

const auto rule = guildgate::any_of(guildgate::only_for_provider("discord"));
