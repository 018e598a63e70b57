#pragma once

#include <string_view>

namespace guildgate {

// The reason a rule could not be checked. Every kind refuses the login (fail closed) and is distinct
// from a deny, which is a definite result such as "not a member".
enum class error_kind {
    token_invalid,       // 401, or JSON code 0, 50014 or 50025 with it
    missing_scope,       // the granted scopes lack one the pipeline needs, or JSON code 50026
    rate_limited,        // 429 with a JSON body; carries retry_after
    blocked,             // 429 or 403 without JSON (a Cloudflare page), Retry-After only
    discord_unavailable, // 5xx after bounded retries
    transport,           // timeout, connection refused, TLS failure, body over the limit, redirect
    bad_response,        // JSON that does not parse, has the wrong shape, or an unexpected status
    storage,             // the repository failed to apply the effects; nothing was written
};

constexpr std::string_view to_string(error_kind kind) noexcept
{
    switch (kind) {
    case error_kind::token_invalid: return "token_invalid";
    case error_kind::missing_scope: return "missing_scope";
    case error_kind::rate_limited: return "rate_limited";
    case error_kind::blocked: return "blocked";
    case error_kind::discord_unavailable: return "discord_unavailable";
    case error_kind::transport: return "transport";
    case error_kind::bad_response: return "bad_response";
    case error_kind::storage: return "storage";
    }
    return "unknown";
}

} // namespace guildgate
