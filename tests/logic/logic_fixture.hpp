#pragma once

// Rules and Discord responses shared by the combinator tests, on top of the login fixture of
// the rule tests (memory_transport, memory_repository and a manual clock).

#include "rules/login_fixture.hpp"

#include <guildgate/rules/require_role.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace guildgate::testing {

using strings = std::vector<std::string>;

inline constexpr snowflake banned_role = "823456789012345699"_snowflake;
inline constexpr snowflake other_guild = "912345678901234567"_snowflake;
inline constexpr snowflake third_guild = "912345678901234568"_snowflake;

inline const std::string other_guild_id = "912345678901234567";
inline const std::string third_guild_id = "912345678901234568";

inline const std::string lacks_members_message =
    "User is not a member of the Members role in Example Guild.";
inline const std::string lacks_mods_message =
    "User is not a member of the Moderators role in Example Guild.";

inline const require_role_rule has_members =
    require_role(guild, members_role, "Members", "Example Guild");
inline const require_role_rule has_mods =
    require_role(guild, mods_role, "Moderators", "Example Guild");
inline const require_role_rule has_admins =
    require_role(guild, admins_role, "Admins", "Example Guild");
inline const require_role_rule is_banned =
    require_role(guild, banned_role, "Banned", "Example Guild");

// The response of a Discord that is down: every attempt, retries included, gets a 503.
inline http_response unavailable()
{
    return {503, {}, "upstream connect error"};
}

inline std::vector<std::string> one(std::string message)
{
    return {std::move(message)};
}

} // namespace guildgate::testing
