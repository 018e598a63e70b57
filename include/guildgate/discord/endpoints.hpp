#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/snowflake.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace guildgate::discord {

// Thrown when a base URL cannot be used; the message names the URL and the fix.
class invalid_endpoint : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// The two hosts guildgate talks to. The API host gets the bearer token; the CDN never does.
struct endpoints {
    std::string api_base = "https://discord.com/api/v10";
    std::string cdn_base = "https://cdn.discordapp.com";
};

namespace detail {

struct base_url {
    std::string scheme;
    std::string host; // lower case, without brackets or port
    std::string path; // without a trailing slash
};

GUILDGATE_DECL std::string lower(std::string_view text);

// Returns whether `host` is localhost, ::1 or a dotted 127.x.x.x address. A DNS name that only
// starts with "127." (127.0.0.1.example.com) can resolve to any host, so it is not loopback.
GUILDGATE_DECL bool is_loopback_host(std::string_view host);

GUILDGATE_DECL base_url split_base_url(std::string_view url, std::string_view option);

} // namespace detail

// Checks both base URLs and returns them without trailing slashes.
//
// The API base must end in /api/v10 (or /api/v9): an unversioned /api reaches the deprecated
// default version 6, whose retry_after is in milliseconds. discordapp.com is rejected because
// it has no v10 and an extra global rate limit. Throws invalid_endpoint naming the fix.
GUILDGATE_DECL endpoints validate(endpoints bases);

} // namespace guildgate::discord

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/discord/impl/endpoints.ipp>
#endif
