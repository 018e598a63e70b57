#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace guildgate::testing {

// Route names counted in emulator_stats::routes.
namespace route_name {
inline constexpr std::string_view current_user = "GET /users/@me";
inline constexpr std::string_view current_user_guilds = "GET /users/@me/guilds";
inline constexpr std::string_view current_user_member = "GET /users/@me/guilds/{guild.id}/member";
inline constexpr std::string_view user_avatar = "GET /avatars/{user.id}/{user.avatar}";
inline constexpr std::string_view default_avatar = "GET /embed/avatars/{index}.png";
inline constexpr std::string_view unknown = "unknown";
} // namespace route_name

// What the emulator has served since it started or since reset_stats(). Requests for
// /__emulator/stats are not counted.
struct emulator_stats {
    std::uint64_t connections_accepted = 0;
    std::uint64_t requests_total = 0;

    std::map<std::string, std::uint64_t, std::less<>> routes; // by route_name
    std::map<std::string, std::uint64_t, std::less<>> paths;  // by path without query

    // Requests that carried an Authorization header, by route class.
    std::uint64_t api_authorization = 0;   // paths under /api/
    std::uint64_t cdn_authorization = 0;   // /avatars/ and /embed/avatars/
    std::uint64_t other_authorization = 0; // anything else

    std::uint64_t route(std::string_view name) const
    {
        auto found = routes.find(name);
        return found == routes.end() ? 0 : found->second;
    }

    std::uint64_t path(std::string_view name) const
    {
        auto found = paths.find(name);
        return found == paths.end() ? 0 : found->second;
    }
};

inline boost::json::object to_json(const emulator_stats& stats)
{
    boost::json::object routes;
    for (const auto& [name, count] : stats.routes)
        routes[name] = count;

    boost::json::object paths;
    for (const auto& [name, count] : stats.paths)
        paths[name] = count;

    return boost::json::object{
        {"connections_accepted", stats.connections_accepted},
        {"requests_total", stats.requests_total},
        {"routes", std::move(routes)},
        {"paths", std::move(paths)},
        {"authorization",
         {{"api", stats.api_authorization},
          {"cdn", stats.cdn_authorization},
          {"other", stats.other_authorization}}},
    };
}

} // namespace guildgate::testing
