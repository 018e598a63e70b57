#pragma once

#include <guildgate/core/clock.hpp>
#include <guildgate/discord/endpoints.hpp>
#include <guildgate/version.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace guildgate::discord {

// Settings of a Discord client. The defaults suit a login path: no single request may take
// longer than 10 s, and one evaluation (retries and rate-limit waits included) ends by 15 s.
struct client_options {
    discord::endpoints endpoints;

    // Discord requires "DiscordBot (url, version)"; text may be appended.
    std::string user_agent =
        "DiscordBot (" GUILDGATE_PROJECT_URL ", " GUILDGATE_VERSION_STRING ") guildgate";

    std::chrono::milliseconds request_timeout{10'000};
    std::chrono::milliseconds evaluation_deadline{15'000};

    // A 429 or an exhausted bucket whose wait is at most this long is waited out once;
    // a longer one returns rate_limited at once.
    std::chrono::milliseconds max_rate_limit_wait{2'000};

    // 5xx responses are retried this many times with jittered exponential backoff starting at
    // backoff_base, while the sum of the backoff waits stays within max_backoff_total.
    int max_server_retries = 2;
    std::chrono::milliseconds backoff_base{200};
    std::chrono::milliseconds max_backoff_total{2'000};

    // GET /users/@me/guilds is paged 200 guilds at a time; after this many pages without the
    // guild the rule gives bad_response instead of a silent deny.
    int guild_page_cap = 5;

    // A downloaded avatar larger than this is not stored.
    std::size_t avatar_max_bytes = 1 << 20;

    // The time source for deadlines, backoff and waits. Empty means the steady clock, which
    // the client puts here when it is made.
    std::shared_ptr<clock_source> clock{};
};

} // namespace guildgate::discord
