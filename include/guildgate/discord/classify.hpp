#pragma once

#include <guildgate/config.hpp>
#include <guildgate/transport/http.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace guildgate::discord {

// The meaning of a Discord response for a rule, decided before its body is decoded.
enum class response_class {
    ok,             // 2xx: decode the body
    not_member,     // 404 with JSON code 10004 on the member route: a definite "not a member"
    token_invalid,  // 401
    missing_scope,  // 403 with JSON code 50026
    rate_limited,   // 429 with a JSON body
    blocked,        // 429 or 403 without a JSON body: a Cloudflare page
    server_error,   // 5xx: retried, then discord_unavailable
    redirect,       // 3xx: never followed
    unexpected,     // any other status or JSON code: an error, never a deny
};

struct classification {
    response_class kind = response_class::unexpected;
    int status = 0;
    std::optional<std::int64_t> discord_code;
    std::optional<double> retry_after; // seconds
    bool global = false;               // X-RateLimit-Global, or the 429 body's `global`
    std::string scope;                 // X-RateLimit-Scope: user, global or shared
};

namespace detail {

// The maximum wait accepted from Retry-After or a 429 body, in seconds. rate_limiter converts
// waits to nanoseconds, which overflow 64 bits past about 9.2e9 s, so a longer wait counts as
// missing, like a negative one.
inline constexpr double max_retry_seconds = 1e9;

// Returns whether `value` is a wait in seconds from 0 to max_retry_seconds (false for NaN).
GUILDGATE_DECL bool valid_seconds(double value);

// Parses a non-negative decimal number of seconds such as "65" or "64.57".
GUILDGATE_DECL std::optional<double> parse_seconds(std::string_view text);

GUILDGATE_DECL bool json_object_body(std::string_view body);

} // namespace detail

// Classifies a response from the API host. `member_route` is true for a response to
// GET /users/@me/guilds/{id}/member, the one route where 10004 means "not a member".
GUILDGATE_DECL classification classify(const http_response& response, bool member_route);

} // namespace guildgate::discord

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/discord/impl/classify.ipp>
#endif
