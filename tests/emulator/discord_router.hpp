#pragma once

#include "emulator/api_routes.hpp"
#include "emulator/cdn_routes.hpp"
#include "emulator/fixture.hpp"
#include "emulator/responses.hpp"
#include "emulator/stats.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/beast/http/verb.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace guildgate::testing {

// What the server does for one request: usually send `message`, after `delay`.
struct planned_response {
    fault_action action = fault_action::respond;
    emulator_response message;
    std::chrono::milliseconds delay{0};
    bool faulted = false; // a scripted fault chose this response
};

// Turns requests into planned responses from the fixtures, counts them and applies the
// scripted faults. Thread-safe: one mutex guards the fixtures, counters and rate windows.
class discord_router {
public:
    explicit discord_router(fixture_set fixtures) : fixtures_(std::move(fixtures)) {}

    planned_response handle(const emulator_request& request)
    {
        auto target = split_request_target(request.target());
        std::lock_guard lock(mutex_);

        if (target.path == "/__emulator/stats")
            return {fault_action::respond, json_response(200, to_json(stats_))};

        auto route = classify(target.path);
        bool authorized = request.find(boost::beast::http::field::authorization) != request.end();
        count_request(target.path, route, authorized);

        bool api = target.path.starts_with("/api/");
        if (auto* scripted = take_fault(fixtures_.global_faults, target.path))
            return apply_fault(*scripted, [&] { return route_response(request, target, route); },
                               api ? discord_headers{.via = true} : discord_headers{});

        if (request.method() != boost::beast::http::verb::get)
            return {fault_action::respond, discord_error(405, "405: Method Not Allowed", 0)};

        if (!api)
            return {fault_action::respond, route_response(request, target, route)};
        return api_response(request, target, route);
    }

    void count_connection()
    {
        std::lock_guard lock(mutex_);
        ++stats_.connections_accepted;
    }

    emulator_stats stats() const
    {
        std::lock_guard lock(mutex_);
        return stats_;
    }

    void reset_stats()
    {
        std::lock_guard lock(mutex_);
        stats_ = {};
    }

    // Adds or replaces the account for `token`.
    void set_account(const std::string& token, account value)
    {
        std::lock_guard lock(mutex_);
        fixtures_.accounts[token] = std::move(value);
    }

    // Appends a fault to the account of `token`; throws std::out_of_range for an unknown one.
    void add_fault(const std::string& token, fault value)
    {
        std::lock_guard lock(mutex_);
        auto found = fixtures_.accounts.find(token);
        if (found == fixtures_.accounts.end())
            throw std::out_of_range("emulator has no account for the token given to add_fault");
        found->second.faults.push_back(std::move(value));
    }

    void add_global_fault(fault value)
    {
        std::lock_guard lock(mutex_);
        fixtures_.global_faults.push_back(std::move(value));
    }

private:
    struct rate_window {
        std::chrono::steady_clock::time_point reset_at;
        int used = 0;
    };

    // Which of Discord's usual API headers a response gets.
    struct discord_headers {
        bool via = false;
        const std::string* token = nullptr; // set: X-RateLimit-* for this token's bucket
        const rate_limit_policy* policy = nullptr;
        std::string_view route{};
    };

    static std::string_view classify(std::string_view path)
    {
        constexpr std::string_view guilds = "/api/v10/users/@me/guilds";
        if (path == "/api/v10/users/@me")
            return route_name::current_user;
        if (path == guilds)
            return route_name::current_user_guilds;
        if (path.starts_with(guilds) && path.ends_with("/member")
            && path.size() > guilds.size() + std::string_view("//member").size()
            && path[guilds.size()] == '/')
            return route_name::current_user_member;
        if (path.starts_with("/avatars/"))
            return route_name::user_avatar;
        if (path.starts_with("/embed/avatars/"))
            return route_name::default_avatar;
        return route_name::unknown;
    }

    void count_request(const std::string& path, std::string_view route, bool authorized)
    {
        ++stats_.requests_total;
        ++stats_.paths[path];
        ++stats_.routes[std::string(route)];
        if (!authorized)
            return;
        if (path.starts_with("/api/"))
            ++stats_.api_authorization;
        else if (route == route_name::user_avatar || route == route_name::default_avatar)
            ++stats_.cdn_authorization;
        else
            ++stats_.other_authorization;
    }

    // Returns the first fault that matches `path` and has uses left, consuming one use.
    static fault* take_fault(std::vector<fault>& faults, std::string_view path)
    {
        for (auto& candidate : faults) {
            if (!candidate.matches(path) || (candidate.times && *candidate.times <= 0))
                continue;
            if (candidate.times)
                --*candidate.times;
            return &candidate;
        }
        return nullptr;
    }

    template <class NormalResponse>
    planned_response apply_fault(const fault& scripted, NormalResponse&& normal,
                                 const discord_headers& headers)
    {
        planned_response plan{scripted.action, {}, scripted.delay, true};
        switch (scripted.action) {
        case fault_action::respond:
        case fault_action::truncate:
            plan.message = scripted.status == 0
                               ? normal()
                               : text_response(scripted.status, scripted.body,
                                               scripted.content_type);
            break;
        case fault_action::redirect:
            plan.message = text_response(scripted.status == 0 ? 302 : scripted.status, "",
                                         "text/html");
            plan.message.set(boost::beast::http::field::location, scripted.location);
            break;
        case fault_action::drop:
        case fault_action::stall:
            return plan;
        }

        if (scripted.discord_headers)
            add_discord_headers(plan.message, headers);
        for (const auto& [name, value] : scripted.headers)
            plan.message.set(name, value);
        return plan;
    }

    planned_response api_response(const emulator_request& request, const split_target& target,
                                  std::string_view route)
    {
        if (route == route_name::unknown) {
            auto message = not_found();
            add_discord_headers(message, {.via = true});
            return {fault_action::respond, std::move(message)};
        }

        auto* found = find_account(request);
        if (!found || found->second.revoked) {
            auto message = unauthorized();
            add_discord_headers(message, {.via = true});
            return {fault_action::respond, std::move(message)};
        }

        auto& [token, user_account] = *found;
        discord_headers headers{true, &token, &user_account.rate_limit, route};
        if (auto* scripted = take_fault(user_account.faults, target.path))
            return apply_fault(*scripted, [&] { return route_response(request, target, route); },
                               headers);

        auto message = route_response(request, target, route);
        add_discord_headers(message, headers);
        return {fault_action::respond, std::move(message)};
    }

    // The account whose token the "Authorization: Bearer <token>" header carries, or null.
    std::pair<const std::string, account>* find_account(const emulator_request& request)
    {
        auto header = request.find(boost::beast::http::field::authorization);
        if (header == request.end())
            return nullptr;
        auto value = header->value();
        constexpr std::string_view scheme = "Bearer ";
        if (!value.starts_with(scheme))
            return nullptr;
        auto found = fixtures_.accounts.find(value.substr(scheme.size()));
        return found == fixtures_.accounts.end() ? nullptr : &*found;
    }

    // The fault-free response of any route; API routes need an authorized request.
    emulator_response route_response(const emulator_request& request, const split_target& target,
                                     std::string_view route)
    {
        if (route == route_name::user_avatar || route == route_name::default_avatar)
            return cdn_response(fixtures_, request, target);
        if (route == route_name::unknown || !target.path.starts_with("/api/"))
            return not_found();

        auto* found = find_account(request);
        if (!found || found->second.revoked)
            return unauthorized();
        const auto& user_account = found->second;

        if (route == route_name::current_user)
            return json_response(200, user_account.user);
        if (route == route_name::current_user_guilds)
            return guild_list_response(user_account, target);
        return member_response(user_account, target.path);
    }

    // Adds "Via: 1.1 google" and, for a token's route, X-RateLimit-* headers from a fixed
    // window per (token, route) that starts with the first request after the previous one ended.
    void add_discord_headers(emulator_response& message, const discord_headers& headers)
    {
        if (headers.via)
            message.set(boost::beast::http::field::via, "1.1 google");
        if (!headers.token)
            return;

        auto now = std::chrono::steady_clock::now();
        auto reset_after = std::chrono::duration_cast<std::chrono::nanoseconds>(
            std::chrono::duration<double>(headers.policy->reset_after_seconds));
        auto& window = windows_[*headers.token + " " + std::string(headers.route)];
        if (now >= window.reset_at) {
            window.reset_at = now + reset_after;
            window.used = 0;
        }
        ++window.used;

        double seconds_left = std::chrono::duration<double>(window.reset_at - now).count();
        double reset_epoch = std::chrono::duration<double>(
                                 std::chrono::system_clock::now().time_since_epoch()).count()
                             + seconds_left;
        message.set("X-RateLimit-Limit", std::to_string(headers.policy->limit));
        message.set("X-RateLimit-Remaining",
                    std::to_string(std::max(0, headers.policy->limit - window.used)));
        message.set("X-RateLimit-Reset", format_seconds(reset_epoch));
        message.set("X-RateLimit-Reset-After", format_seconds(seconds_left));
        message.set("X-RateLimit-Bucket", bucket_id(headers.route));
    }

    static std::string format_seconds(double seconds)
    {
        char text[32];
        std::snprintf(text, sizeof text, "%.3f", seconds);
        return text;
    }

    // A fixed opaque bucket id per route, in the hex form that Discord uses.
    static std::string bucket_id(std::string_view route)
    {
        if (route == route_name::current_user)
            return "4a1d3f0c9b8e7d6c5b4a39281706f5e4";
        if (route == route_name::current_user_guilds)
            return "8c2e5a7b1d0f4e3c6b9a8d7f0e1c2b3a";
        return "e3f1b7c9a5d24f6e8b0c1a2d3e4f5a6b";
    }

    mutable std::mutex mutex_;
    fixture_set fixtures_;
    emulator_stats stats_;
    std::map<std::string, rate_window> windows_;
};

} // namespace guildgate::testing
