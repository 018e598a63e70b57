#pragma once

#include <guildgate/discord/endpoints.hpp>

namespace guildgate::discord::detail {

GUILDGATE_DECL std::string lower(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return out;
}

GUILDGATE_DECL bool is_loopback_host(std::string_view host)
{
    if (host == "localhost" || host == "::1")
        return true;
    if (host.rfind("127.", 0) != 0)
        return false;

    int octets = 0;
    std::size_t digits = 0;
    for (char c : host) {
        if (c == '.') {
            if (digits == 0 || digits > 3)
                return false;
            ++octets;
            digits = 0;
        } else if (c >= '0' && c <= '9') {
            ++digits;
        } else {
            return false;
        }
    }
    return octets == 3 && digits > 0 && digits <= 3;
}

GUILDGATE_DECL base_url split_base_url(std::string_view url, std::string_view option)
{
    auto fail = [&](std::string_view why) {
        throw invalid_endpoint(std::string(option) + " \"" + std::string(url) + "\" " +
                               std::string(why));
    };

    base_url parts;
    auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos)
        fail("is not an absolute URL; write it as https://host/path");
    parts.scheme = lower(url.substr(0, scheme_end));

    auto rest = url.substr(scheme_end + 3);
    if (rest.find_first_of("?#") != std::string_view::npos)
        fail("has a query or fragment; give only scheme, host and path");
    auto path_start = rest.find('/');
    auto authority = rest.substr(0, path_start);
    if (authority.find('@') != std::string_view::npos)
        fail("contains user information; remove the part before '@'");

    std::string_view port;
    if (!authority.empty() && authority.front() == '[') {
        auto close = authority.find(']');
        if (close == std::string_view::npos)
            fail("has an unclosed IPv6 bracket");
        parts.host = lower(authority.substr(1, close - 1));
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':')
                fail("has text after the IPv6 address; write [address]:port");
            port = authority.substr(close + 2);
        }
    } else {
        auto colon = authority.find(':');
        parts.host = lower(authority.substr(0, colon));
        if (colon != std::string_view::npos)
            port = authority.substr(colon + 1);
    }

    // A fully qualified name ("discordapp.com.") names the same host as without the dot.
    while (!parts.host.empty() && parts.host.back() == '.')
        parts.host.pop_back();
    if (parts.host.empty())
        fail("has no host");

    // A host name has letters, digits, '-', '.' and '_'; an IPv6 address in brackets has hex
    // digits, ':' and '.'. Anything else (a space, a line break, '%') is a typo or an attack.
    bool bracketed = !authority.empty() && authority.front() == '[';
    for (char c : parts.host) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        bool allowed = bracketed ? (alnum && c <= 'f') || c == ':' || c == '.'
                                 : alnum || c == '-' || c == '.' || c == '_';
        if (!allowed)
            fail("has an invalid character in the host; write a host name such as discord.com "
                 "or an address such as 127.0.0.1 or [::1]");
    }

    if (!port.empty() || authority.ends_with(":")) {
        auto number = guildgate::detail::parse_snowflake(port);
        if (!number || *number == 0 || *number > 65535)
            fail("has an invalid port; write a number from 1 to 65535 after the host");
    }

    if (parts.scheme == "http" && !is_loopback_host(parts.host))
        fail("uses plain http; Discord requires https (http is accepted only on loopback)");
    if (parts.scheme != "https" && parts.scheme != "http")
        fail("must use https");

    parts.path = path_start == std::string_view::npos ? "" : std::string(rest.substr(path_start));
    while (!parts.path.empty() && parts.path.back() == '/')
        parts.path.pop_back();
    return parts;
}

} // namespace guildgate::discord::detail

namespace guildgate::discord {

GUILDGATE_DECL endpoints validate(endpoints bases)
{
    auto api = detail::split_base_url(bases.api_base, "API base URL");
    if (api.host == "discordapp.com" || api.host.ends_with(".discordapp.com"))
        throw invalid_endpoint("API base URL \"" + bases.api_base +
                               "\" uses discordapp.com, which has no API v10 and an extra global "
                               "rate limit; use https://discord.com/api/v10");
    if (!api.path.ends_with("/api/v10") && !api.path.ends_with("/api/v9"))
        throw invalid_endpoint("API base URL \"" + bases.api_base +
                               "\" must end in /api/v10: an unversioned /api reaches the "
                               "deprecated API v6, where retry_after is in milliseconds");
    detail::split_base_url(bases.cdn_base, "CDN base URL");

    for (auto* base : {&bases.api_base, &bases.cdn_base})
        while (!base->empty() && base->back() == '/')
            base->pop_back();
    return bases;
}

} // namespace guildgate::discord
