// expect: guildgate::operator>>: one operand is not a rule
#include <guildgate/core/pipeline.hpp>
#include <guildgate/rules/only_for_provider.hpp>

const auto policy = 42 >> guildgate::only_for_provider("discord");
