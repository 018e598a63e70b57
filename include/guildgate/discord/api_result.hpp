#pragma once

#include <guildgate/core/access_token.hpp>
#include <guildgate/core/clock.hpp>
#include <guildgate/discord/api_error.hpp>

#include <optional>
#include <string>
#include <vector>

namespace guildgate::discord {

// One request as the trace shows it: the route and what came back, never the token.
struct request_record {
    std::string route;
    int status = 0;        // 0 when no response arrived
    std::string outcome;   // "ok", "not_member", an error kind, or "retry"
};

// Per-evaluation state that every request of one login shares.
struct request_context {
    const access_token& token;
    clock_source::time_point deadline;
    std::vector<request_record>& log;
};

// A decoded resource, a definite "not a member", or an error.
template <class Object>
struct api_result {
    std::optional<Object> value;
    std::optional<api_error> error;
    bool not_member = false;
};

// A downloaded avatar image with its checked MIME type.
struct avatar_image {
    std::string mime_type;
    std::string bytes;
};

} // namespace guildgate::discord
