#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace guildgate::detail {

// The parts of an absolute http:// or https:// URL that a client needs to send a request.
struct url_parts {
    std::string scheme; // "http" or "https", lower case
    std::string host;   // lower case; an IPv6 literal without its brackets
    std::uint16_t port = 0;
    std::string target; // path and query, starting with '/'; the fragment is dropped

    bool is_https() const noexcept { return scheme == "https"; }

    bool is_ipv6_literal() const noexcept { return host.find(':') != std::string::npos; }

    // Returns the host as written in a URL or a Host header: IPv6 literals get brackets.
    std::string bracketed_host() const { return is_ipv6_literal() ? "[" + host + "]" : host; }

    // Returns "host:port" for error messages, with IPv6 literals bracketed.
    std::string host_port() const { return bracketed_host() + ":" + std::to_string(port); }

    // Returns the Host header value: the port is left out when it is the scheme's default.
    std::string host_header() const
    {
        bool default_port = port == (is_https() ? 443 : 80);
        return default_port ? bracketed_host() : host_port();
    }
};

namespace url_detail {

constexpr char to_lower(char c) noexcept
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

constexpr bool is_alnum(char c) noexcept
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

constexpr bool is_hex(char c) noexcept
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// A registered name: letters, digits, '-', '.' and '_' only, so no percent-encoding.
constexpr bool is_reg_name(std::string_view host) noexcept
{
    if (host.empty() || host.size() > 253)
        return false;
    for (char c : host)
        if (!is_alnum(c) && c != '-' && c != '.' && c != '_')
            return false;
    return true;
}

// The inside of "[...]": hex digits, ':' and '.' (an embedded IPv4 tail). Zone IDs are rejected.
constexpr bool is_ipv6_text(std::string_view host) noexcept
{
    if (host.size() < 2 || host.find(':') == std::string_view::npos)
        return false;
    for (char c : host)
        if (!is_hex(c) && c != ':' && c != '.')
            return false;
    return true;
}

constexpr std::optional<std::uint16_t> parse_port(std::string_view text) noexcept
{
    if (text.empty() || text.size() > 5)
        return std::nullopt;
    unsigned value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + unsigned(c - '0');
    }
    if (value == 0 || value > 65535)
        return std::nullopt;
    return static_cast<std::uint16_t>(value);
}

// Printable ASCII without spaces: what may appear unescaped in a request target.
constexpr bool is_target_text(std::string_view text) noexcept
{
    for (char c : text)
        if (c <= ' ' || c >= 0x7f)
            return false;
    return true;
}

} // namespace url_detail

// Parses an absolute http:// or https:// URL. Returns empty when the scheme is another one,
// the host is missing or malformed, the port is not 1 to 65535, the URL carries user
// credentials ("user@host"), or the path or query contains spaces, control characters or
// non-ASCII bytes.
inline std::optional<url_parts> parse_url(std::string_view url)
{
    using namespace url_detail;

    url_parts parts;

    auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos)
        return std::nullopt;
    for (char c : url.substr(0, scheme_end))
        parts.scheme += to_lower(c);
    if (parts.scheme != "http" && parts.scheme != "https")
        return std::nullopt;
    url.remove_prefix(scheme_end + 3);

    auto authority_end = url.find_first_of("/?#");
    auto authority = url.substr(0, authority_end);
    auto rest = authority_end == std::string_view::npos ? std::string_view{}
                                                        : url.substr(authority_end);
    if (authority.find('@') != std::string_view::npos)
        return std::nullopt;

    std::string_view host;
    std::string_view port_text;
    if (authority.starts_with('[')) {
        auto close = authority.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        host = authority.substr(1, close - 1);
        auto after = authority.substr(close + 1);
        if (!after.empty() && !after.starts_with(':'))
            return std::nullopt;
        if (!after.empty())
            port_text = after.substr(1);
        if (!is_ipv6_text(host))
            return std::nullopt;
    } else {
        auto colon = authority.rfind(':');
        host = authority.substr(0, colon);
        if (colon != std::string_view::npos)
            port_text = authority.substr(colon + 1);
        if (!is_reg_name(host))
            return std::nullopt;
    }
    for (char c : host)
        parts.host += to_lower(c);

    if (authority.ends_with(':') || !port_text.empty()) {
        auto port = parse_port(port_text);
        if (!port)
            return std::nullopt;
        parts.port = *port;
    } else {
        parts.port = parts.is_https() ? 443 : 80;
    }

    rest = rest.substr(0, rest.find('#'));
    if (!is_target_text(rest))
        return std::nullopt;
    parts.target = rest.starts_with('/') ? std::string(rest) : "/" + std::string(rest);
    return parts;
}

} // namespace guildgate::detail
