#pragma once

#include <guildgate/discord/rate_limiter.hpp>

namespace guildgate::discord {

GUILDGATE_DECL std::optional<rate_limiter::hold>
rate_limiter::check(std::size_t token_digest, const std::string& route,
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

GUILDGATE_DECL void rate_limiter::record(std::size_t token_digest, const std::string& route,
                                         const std::string& top_level_id,
                                         const http_response& response,
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

GUILDGATE_DECL std::size_t rate_limiter::size()
{
    std::lock_guard lock(mutex_);
    return buckets_.size() + global_until_.size() + route_buckets_.size();
}

GUILDGATE_DECL rate_limiter::key_type
rate_limiter::bucket_key(std::size_t token_digest, const std::string& route,
                         const std::string& top_level_id) const
{
    auto it = route_buckets_.find(route);
    return {token_digest, it == route_buckets_.end() ? route : it->second, top_level_id};
}

GUILDGATE_DECL void rate_limiter::prune(time_point now)
{
    if (buckets_.size() + global_until_.size() < prune_threshold)
        return;
    std::erase_if(buckets_, [&](const auto& entry) { return entry.second.reset_at <= now; });
    std::erase_if(global_until_, [&](const auto& entry) { return entry.second <= now; });
    if (route_buckets_.size() > prune_threshold)
        route_buckets_.clear();
}

} // namespace guildgate::discord
