#pragma once

#include <guildgate/transport/memory.hpp>

namespace guildgate {

GUILDGATE_DECL http_response json_response(int status, std::string body,
                                           std::vector<http_header> headers)
{
    headers.push_back({"Content-Type", "application/json"});
    return {status, std::move(headers), std::move(body)};
}

GUILDGATE_DECL void memory_transport::route(std::string url, http_response response)
{
    std::lock_guard lock(mutex_);
    routes_[std::move(url)] = std::move(response);
}

GUILDGATE_DECL void memory_transport::script(const std::string& url,
                                             std::vector<http_result> results)
{
    std::lock_guard lock(mutex_);
    auto& queue = scripts_[url];
    for (auto& result : results)
        queue.push_back(std::move(result));
}

GUILDGATE_DECL void memory_transport::fail_at(std::size_t call, transport_error error)
{
    std::lock_guard lock(mutex_);
    failures_[call] = std::move(error);
}

GUILDGATE_DECL http_result memory_transport::send(const http_request& request)
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

GUILDGATE_DECL std::vector<http_request> memory_transport::requests() const
{
    std::lock_guard lock(mutex_);
    return requests_;
}

GUILDGATE_DECL std::size_t memory_transport::count(std::string_view prefix) const
{
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const auto& request : requests_)
        if (std::string_view(request.url).substr(0, prefix.size()) == prefix)
            ++n;
    return n;
}

GUILDGATE_DECL memory_transport::memory_transport() = default;

GUILDGATE_DECL memory_transport::~memory_transport() = default;

} // namespace guildgate
