#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/clock.hpp>
#include <guildgate/discord/classify.hpp>
#include <guildgate/transport/http.hpp>

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>

namespace guildgate::discord {

// Discord's rate-limit state as learnt from response headers, shared by every evaluation that
// uses one client. Buckets are keyed by (token digest, X-RateLimit-Bucket, top-level id); a
// route whose bucket is not known yet is keyed by its route name. Missing headers leave the
// state as it was. Thread-safe.
class rate_limiter {
public:
    using time_point = clock_source::time_point;
    using duration = clock_source::duration;

    // A hold on a request: how long it must wait, and whether a Cloudflare block is the cause.
    struct hold {
        duration wait{};
        bool blocked = false; // a Cloudflare block, rather than a Discord rate limit
    };

    // Returns the hold that applies to this request at `now`, or empty when it may be sent.
    std::optional<hold> check(std::size_t token_digest, const std::string& route,
                              const std::string& top_level_id, time_point now);

    // Records the rate-limit state that a response reports.
    void record(std::size_t token_digest, const std::string& route,
                const std::string& top_level_id, const http_response& response,
                const classification& meaning, time_point now);

    // Number of tracked entries, for tests of pruning.
    std::size_t size();

    // Without a Retry-After header a Cloudflare block still holds requests back this long, in
    // seconds.
    static constexpr double default_block_seconds = 60.0;

private:
    static constexpr std::size_t prune_threshold = 4096;

    struct bucket_state {
        long remaining = 1;
        time_point reset_at{};
    };

    using key_type = std::tuple<std::size_t, std::string, std::string>;

    static duration seconds(double value)
    {
        return std::chrono::duration_cast<duration>(std::chrono::duration<double>(value));
    }

    key_type bucket_key(std::size_t token_digest, const std::string& route,
                        const std::string& top_level_id) const;

    // Drops expired state, so memory stays flat however many tokens pass through.
    void prune(time_point now);

    std::mutex mutex_;
    std::map<std::string, std::string> route_buckets_;
    std::map<key_type, bucket_state> buckets_;
    std::map<std::size_t, time_point> global_until_;
    time_point blocked_until_{};
};

} // namespace guildgate::discord

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/discord/impl/rate_limiter.ipp>
#endif
