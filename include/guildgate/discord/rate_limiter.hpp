#pragma once

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
                              const std::string& top_level_id, time_point now)
    {
        std::lock_guard lock(mutex_);
        if (blocked_until_ > now)
            return hold{blocked_until_ - now, true};

        std::optional<hold> result;
        if (auto it = global_until_.find(token_digest); it != global_until_.end() && it->second > now)
            result = hold{it->second - now, false};

        auto key = bucket_key(token_digest, route, top_level_id);
        if (auto it = buckets_.find(key); it != buckets_.end()) {
            const bucket_state& state = it->second;
            if (state.remaining == 0 && state.reset_at > now) {
                duration wait = state.reset_at - now;
                if (!result || wait > result->wait)
                    result = hold{wait, false};
            }
        }
        return result;
    }

    // Records the rate-limit state that a response reports.
    void record(std::size_t token_digest, const std::string& route,
                const std::string& top_level_id, const http_response& response,
                const classification& meaning, time_point now)
    {
        std::lock_guard lock(mutex_);
        prune(now);

        if (meaning.kind == response_class::blocked) {
            blocked_until_ = now + seconds(meaning.retry_after.value_or(default_block_seconds));
            return;
        }

        if (auto bucket = response.header("X-RateLimit-Bucket"); bucket && !bucket->empty())
            route_buckets_[route] = std::string(*bucket);
        auto key = bucket_key(token_digest, route, top_level_id);

        auto remaining = response.header("X-RateLimit-Remaining");
        auto reset_after = response.header("X-RateLimit-Reset-After");
        if (remaining && reset_after) {
            auto left = detail::parse_seconds(*remaining);
            auto reset = detail::parse_seconds(*reset_after);
            if (left && reset)
                buckets_[key] = {static_cast<long>(*left), now + seconds(*reset)};
        }

        if (meaning.kind == response_class::rate_limited) {
            auto until = now + seconds(meaning.retry_after.value_or(1.0));
            if (meaning.global || meaning.scope == "global")
                global_until_[token_digest] = until;
            else
                buckets_[key] = {0, until};
        }
    }

    // Number of tracked entries, for tests of pruning.
    std::size_t size()
    {
        std::lock_guard lock(mutex_);
        return buckets_.size() + global_until_.size() + route_buckets_.size();
    }

private:
    // Without a Retry-After header a Cloudflare block still holds requests back this long.
    static constexpr double default_block_seconds = 60.0;
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
                        const std::string& top_level_id) const
    {
        auto it = route_buckets_.find(route);
        return {token_digest, it == route_buckets_.end() ? route : it->second, top_level_id};
    }

    // Drops expired state, so memory stays flat however many tokens pass through.
    void prune(time_point now)
    {
        if (buckets_.size() + global_until_.size() < prune_threshold)
            return;
        std::erase_if(buckets_, [&](const auto& entry) { return entry.second.reset_at <= now; });
        std::erase_if(global_until_, [&](const auto& entry) { return entry.second <= now; });
        if (route_buckets_.size() > prune_threshold)
            route_buckets_.clear();
    }

    std::mutex mutex_;
    std::map<std::string, std::string> route_buckets_;
    std::map<key_type, bucket_state> buckets_;
    std::map<std::size_t, time_point> global_until_;
    time_point blocked_until_{};
};

} // namespace guildgate::discord
