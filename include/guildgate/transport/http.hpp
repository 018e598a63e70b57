#pragma once

#include <guildgate/core/access_token.hpp>
#include <guildgate/core/detail/ascii.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guildgate {

// One HTTP header as sent or received; names compare case-insensitively.
struct http_header {
    std::string name;
    std::string value;
};

// A GET request that a transport sends. The bearer token is kept apart from the headers so
// that traces and logs can print a request whole without it.
struct http_request {
    std::string method = "GET";

    // Absolute https:// (or http:// for tests) URL, with path and query.
    std::string url;

    std::vector<http_header> headers;

    // Sent as "Authorization: Bearer <token>" when set; only the API host gets it.
    std::optional<access_token> bearer;

    // How long the whole request may take; the transport's own limit applies when shorter.
    std::chrono::milliseconds timeout{10'000};
};

// A response as received. Redirects are returned as they are, never followed.
struct http_response {
    int status = 0;
    std::vector<http_header> headers;
    std::string body;

    // Returns the first header named `name` (case-insensitive), or empty.
    std::optional<std::string_view> header(std::string_view name) const noexcept;
};

// The cause of a request getting no complete response.
enum class transport_failure {
    connection_refused,   // nothing listens, or the host is unreachable
    name_resolution,      // the host name did not resolve
    timed_out,            // connect, TLS handshake or response not done in time
    tls,                  // handshake failed: certificate not trusted, wrong host name, protocol
    connection_reset,     // the peer closed or reset the connection before the body ended
    body_too_large,       // the response body exceeded the transport's limit
    protocol,             // not a valid HTTP response
    invalid_url,          // the request URL could not be parsed
    other,
};

constexpr std::string_view to_string(transport_failure failure) noexcept
{
    switch (failure) {
    case transport_failure::connection_refused: return "connection_refused";
    case transport_failure::name_resolution: return "name_resolution";
    case transport_failure::timed_out: return "timed_out";
    case transport_failure::tls: return "tls";
    case transport_failure::connection_reset: return "connection_reset";
    case transport_failure::body_too_large: return "body_too_large";
    case transport_failure::protocol: return "protocol";
    case transport_failure::invalid_url: return "invalid_url";
    case transport_failure::other: return "other";
    }
    return "other";
}

// A transport failure with a cause an operator can act on. `message` never contains the token.
struct transport_error {
    transport_failure failure = transport_failure::other;
    std::string message;
};

// Either a response or a transport error.
class http_result {
public:
    http_result(http_response response) : response_(std::move(response)) {}
    http_result(transport_error error) : error_(std::move(error)) {}

    bool has_response() const noexcept { return response_.has_value(); }
    const http_response& response() const { return response_.value(); }
    const transport_error& error() const { return error_.value(); }

private:
    std::optional<http_response> response_;
    std::optional<transport_error> error_;
};

inline std::optional<std::string_view> http_response::header(std::string_view name) const noexcept
{
    for (const auto& h : headers)
        if (detail::iequals(h.name, name))
            return std::string_view{h.value};
    return std::nullopt;
}

} // namespace guildgate
