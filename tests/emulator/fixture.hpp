#pragma once

#include <boost/json.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The Discord API emulator's data: one account per access token, with scripted faults.
// The JSON format is described in tests/fixtures/discord/README.md.
namespace guildgate::testing {

// What the emulator does with a request that a fault matches.
enum class fault_action {
    respond,  // send `status`, `body`, `content_type` and `headers` (or the normal response)
    drop,     // close the connection without a response
    truncate, // send the headers with a larger Content-Length, half the body, then close
    stall,    // send nothing and keep the connection open until the client closes it
    redirect, // send `status` (302 by default) with `Location: location` and no body
};

// A scripted misbehavior for the requests whose path matches.
struct fault {
    std::string path;        // exact request path without the query; empty: any path
    std::string path_prefix; // prefix of the request path; empty: any path

    fault_action action = fault_action::respond;

    // The response status; 0 keeps the route's normal response (then only `delay`, the extra
    // headers and a truncation apply).
    int status = 0;
    std::string body;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string location;

    std::chrono::milliseconds delay{0}; // waited before acting

    // False sends the response without Via and X-RateLimit-* headers, as a Cloudflare page.
    bool discord_headers = true;

    // How many matching requests it still applies to; empty: every one.
    std::optional<int> times;

    bool matches(std::string_view request_path) const
    {
        if (!path.empty() && request_path != path)
            return false;
        return path_prefix.empty() || request_path.starts_with(path_prefix);
    }
};

// The X-RateLimit-* headers reported on API responses. The emulator never enforces them:
// a 429 comes only from a fault.
struct rate_limit_policy {
    int limit = 50;
    double reset_after_seconds = 1.0;
};

// One access token's view of Discord.
struct account {
    boost::json::object user;                           // GET /users/@me, as sent
    std::vector<boost::json::object> guilds;            // sorted by id ascending
    std::map<std::string, boost::json::object> members; // by guild id
    std::vector<fault> faults;                          // the first match applies
    rate_limit_policy rate_limit;
    bool revoked = false; // every API request gets 401
};

// Everything the emulator serves.
struct fixture_set {
    std::map<std::string, account, std::less<>> accounts; // by access token
    std::vector<fault> global_faults;                     // any request, CDN included
    std::filesystem::path cdn_dir;                        // avatar and default avatar files
};

} // namespace guildgate::testing
