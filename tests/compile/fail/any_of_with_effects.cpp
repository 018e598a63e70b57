// expect: guildgate::any_of: a rule with effects
#include <guildgate/rules/any_of.hpp>
#include <guildgate/rules/only_for_provider.hpp>
#include <guildgate/rules/store_discord_attrs.hpp>

const auto rule = guildgate::any_of(guildgate::only_for_provider("discord"),
                                    guildgate::store_discord_attrs(guildgate::avatar_size<64>));
