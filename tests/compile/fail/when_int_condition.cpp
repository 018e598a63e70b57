// expect: guildgate::when: the first argument is not a condition
#include <guildgate/rules/only_for_provider.hpp>
#include <guildgate/rules/when.hpp>

const auto rule = guildgate::when(42, guildgate::only_for_provider("discord"));
