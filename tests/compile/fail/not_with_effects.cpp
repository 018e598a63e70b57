// expect: guildgate::not_: a rule with effects
#include <guildgate/core/snowflake.hpp>
#include <guildgate/rules/map_roles_to_groups.hpp>
#include <guildgate/rules/not.hpp>

using namespace guildgate::literals;

const auto rule = guildgate::not_(guildgate::map_roles_to_groups(
    "812345678901234567"_snowflake, {{"823456789012345678"_snowflake, "members"}},
    guildgate::sync_on::both));
