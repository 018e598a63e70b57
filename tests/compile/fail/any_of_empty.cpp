// expect: guildgate::any_of: needs at least one rule
#include <guildgate/rules/any_of.hpp>

const auto rule = guildgate::any_of();
