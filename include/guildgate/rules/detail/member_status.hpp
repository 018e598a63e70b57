#pragma once

#include <guildgate/config.hpp>
#include <guildgate/discord/guild_member.hpp>
#include <guildgate/engine/step.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace guildgate {

// The conditions a member must meet besides being in the guild. The defaults match the authentik
// policies that guildgate replaces: a member who has not passed Membership Screening
// (`pending`) or who is timed out still counts.
struct member_requirements {
    bool deny_pending = false;   // deny members with pending: true
    bool deny_timed_out = false; // deny members whose communication_disabled_until is ahead
};

namespace detail {

// Parses Discord's ISO 8601 timestamps ("2099-01-01T00:00:00.000000+00:00" or "...Z") to a
// system-clock time; empty when the text is not such a timestamp.
GUILDGATE_DECL std::optional<std::chrono::sys_seconds> parse_iso8601(std::string_view text);

// Returns a deny or error step when `member` fails `requirements`, or empty when it passes.
GUILDGATE_DECL std::optional<step> check_member_status(const discord::guild_member& member,
                                                       const member_requirements& requirements,
                                                       const std::string& guild_id,
                                                       const std::string& message);

} // namespace detail

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/rules/impl/member_status.ipp>
#endif
