#pragma once

#include <guildgate/core/error_kind.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace guildgate::discord {

// The reason a Discord request gave no usable response. It carries no token: `route` is the request
// path without the host, and `detail` comes from the transport or the response shape.
struct api_error {
    error_kind kind = error_kind::bad_response;
    int http_status = 0;                       // 0 when no response arrived
    std::optional<std::int64_t> discord_code;  // the JSON body's `code`, when it had one
    std::string route;                         // e.g. "GET /users/@me/guilds"
    std::optional<double> retry_after;         // seconds, for rate_limited and blocked
    std::string detail;                        // for operators; never shown to the user
};

} // namespace guildgate::discord
