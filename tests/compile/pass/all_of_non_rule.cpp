#include <guildgate/rules/all_of.hpp>
#include <guildgate/rules/only_for_provider.hpp>

const auto rule = guildgate::all_of(guildgate::only_for_provider("discord"),
                                    guildgate::only_for_provider("discord"));
