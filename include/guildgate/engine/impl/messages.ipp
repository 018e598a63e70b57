#pragma once

#include <guildgate/engine/messages.hpp>

#include <cmath>

namespace guildgate {

GUILDGATE_DECL std::string user_message(const discord::api_error& error)
{
    switch (error.kind) {
    case error_kind::token_invalid:
        return "Discord session expired, log in again.";
    case error_kind::missing_scope: {
        // The scope check before requests names the scopes, but a 403 with code 50026 does not.
        if (error.detail.rfind("missing scope: ", 0) != 0)
            return "Discord did not grant a required permission; log in again and allow it.";
        std::string scopes = error.detail.substr(15);
        if (scopes.find(' ') == std::string::npos)
            return "Discord did not grant the " + scopes +
                " permission; log in again and allow it.";
        return "Discord did not grant the " + scopes +
            " permissions; log in again and allow them.";
    }
    case error_kind::rate_limited:
    case error_kind::blocked: {
        long seconds = error.retry_after ? static_cast<long>(std::ceil(*error.retry_after)) : 1;
        return "Discord is busy, try again in " + std::to_string(seconds < 1 ? 1 : seconds) +
            " s.";
    }
    case error_kind::storage:
        return "The login could not be saved, try again later.";
    case error_kind::discord_unavailable:
    case error_kind::transport:
    case error_kind::bad_response:
        break;
    }
    return "Discord API error, try again later.";
}

} // namespace guildgate
