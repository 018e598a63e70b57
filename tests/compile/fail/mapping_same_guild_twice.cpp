// expect: guildgate::pipeline: two map_roles_to_groups rules map the same guild
#include <guildgate/core/pipeline.hpp>
#include <guildgate/rules/map_roles_to_groups.hpp>

using namespace guildgate::literals;

constexpr auto guild = "812345678901234567"_snowflake;
constexpr auto members = "823456789012345678"_snowflake;

const auto policy =
    guildgate::map_roles_to_groups(guild, {{members, "members"}}, guildgate::sync_on::enrollment)
    >> guildgate::map_roles_to_groups(guild, {{members, "members"}},
                                      guildgate::sync_on::authentication);
