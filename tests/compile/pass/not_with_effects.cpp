#include <guildgate/core/snowflake.hpp>
#include <guildgate/rules/map_roles_to_groups.hpp>
#include <guildgate/rules/not.hpp>
#include <guildgate/rules/require_role.hpp>

using namespace guildgate::literals;

// The negated rule is a gate; the mapping runs after it, composed with >>.
const auto policy =
    guildgate::not_(guildgate::require_role("812345678901234567"_snowflake,
                                            "823456789012345699"_snowflake, "Banned")) >>
    guildgate::map_roles_to_groups("812345678901234567"_snowflake,
                                   {{"823456789012345678"_snowflake, "members"}},
                                   guildgate::sync_on::both);
