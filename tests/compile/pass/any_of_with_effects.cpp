#include <guildgate/rules/any_of.hpp>
#include <guildgate/rules/only_for_provider.hpp>
#include <guildgate/rules/store_discord_attrs.hpp>

// The rule with effects runs after the alternatives, composed with >>.
const auto policy = guildgate::any_of(guildgate::only_for_provider("discord"),
                                      guildgate::only_for_provider("github")) >>
    guildgate::store_discord_attrs(guildgate::avatar_size<64>);
