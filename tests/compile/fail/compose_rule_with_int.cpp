// expect: guildgate::operator>>: one operand is not a rule
#include <guildgate/core/pipeline.hpp>
#include <guildgate/rules/only_for_provider.hpp>

const auto policy = guildgate::only_for_provider("discord") >> 42;
