#pragma once

#include <guildgate/transport/http.hpp>

#include <concepts>

namespace guildgate {

// A synchronous HTTP client: `send` performs one request and returns its response or a
// transport error, never throwing for network faults. It must not follow redirects. One
// transport may be shared by threads only if the implementation says so.
template <class Transport>
concept http_transport = requires(Transport& transport, const http_request& request) {
    { transport.send(request) } -> std::same_as<http_result>;
};

} // namespace guildgate
