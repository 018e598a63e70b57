#pragma once

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
inline http_response json_response(int status, std::string body,
                                   std::vector<http_header> headers = {})
{
    headers.push_back({"Content-Type", "application/json"});
    return {status, std::move(headers), std::move(body)};
}

// An in-memory transport for tests: fixed routes by exact URL, scripted sequences that are
// answered once each before the fixed route, and a failure at the N-th call, in the manner of
// Beast's test stream. It records every request. Unknown URLs get Discord's 404 body.
// Thread-safe.
class memory_transport {
public:
    // Returns `response` for every request to `url` (with its query).
    void route(std::string url, http_response response)
    {
        std::lock_guard lock(mutex_);
        routes_[std::move(url)] = std::move(response);
    }

    // Returns `results` in order for the next requests to `url`, then falls back to the route.
    void script(const std::string& url, std::vector<http_result> results)
    {
        std::lock_guard lock(mutex_);
        auto& queue = scripts_[url];
        for (auto& result : results)
            queue.push_back(std::move(result));
    }

    // Makes the `call`-th send (counting from 1) fail with `error`.
    void fail_at(std::size_t call, transport_error error)
    {
        std::lock_guard lock(mutex_);
        failures_[call] = std::move(error);
    }

    http_result send(const http_request& request)
    {
        std::lock_guard lock(mutex_);
        requests_.push_back(request);
        if (auto it = failures_.find(requests_.size()); it != failures_.end())
            return it->second;
        if (auto it = scripts_.find(request.url); it != scripts_.end() && !it->second.empty()) {
            http_result next = std::move(it->second.front());
            it->second.pop_front();
            return next;
        }
        if (auto it = routes_.find(request.url); it != routes_.end())
            return it->second;
        return json_response(404, R"({"message": "404: Not Found", "code": 0})");
    }

    // Every request sent so far, in order.
    std::vector<http_request> requests() const
    {
        std::lock_guard lock(mutex_);
        return requests_;
    }

    // The number of requests whose URL starts with `prefix`.
    std::size_t count(std::string_view prefix) const
    {
        std::lock_guard lock(mutex_);
        std::size_t n = 0;
        for (const auto& request : requests_)
            if (std::string_view(request.url).substr(0, prefix.size()) == prefix)
                ++n;
        return n;
    }

private:
    mutable std::mutex mutex_;
    std::map<std::string, http_response> routes_;
    std::map<std::string, std::deque<http_result>> scripts_;
    std::map<std::size_t, transport_error> failures_;
    std::vector<http_request> requests_;
};

} // namespace guildgate
