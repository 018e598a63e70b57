#pragma once

#include <guildgate/config.hpp>
#include <guildgate/transport/http.hpp>

#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guildgate {

// Returns a response with a JSON body and the given status.
GUILDGATE_DECL http_response json_response(int status, std::string body,
                                           std::vector<http_header> headers = {});

// An in-memory transport for tests: fixed routes by exact URL, scripted sequences that are
// answered once each before the fixed route, and a failure at the N-th call, in the manner of
// Beast's test stream. It records every request. Unknown URLs get Discord's 404 body.
// Thread-safe.
class memory_transport {
public:
    memory_transport();
    ~memory_transport();

    memory_transport(const memory_transport&) = delete;
    memory_transport& operator=(const memory_transport&) = delete;

    // Returns `response` for every request to `url` (with its query).
    void route(std::string url, http_response response);

    // Returns `results` in order for the next requests to `url`, then falls back to the route.
    void script(const std::string& url, std::vector<http_result> results);

    // Makes the `call`-th send (counting from 1) fail with `error`.
    void fail_at(std::size_t call, transport_error error);

    http_result send(const http_request& request);

    // Every request sent so far, in order.
    std::vector<http_request> requests() const;

    // The number of requests whose URL starts with `prefix`.
    std::size_t count(std::string_view prefix) const;

private:
    mutable std::mutex mutex_;
    std::map<std::string, http_response> routes_;
    std::map<std::string, std::deque<http_result>> scripts_;
    std::map<std::size_t, transport_error> failures_;
    std::vector<http_request> requests_;
};

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/transport/impl/memory.ipp>
#endif
