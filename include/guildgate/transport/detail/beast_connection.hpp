#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace guildgate::detail {

// One client connection. It owns its io_context, so the thread that borrowed it runs the
// asynchronous operations (which carry Beast's timeouts) to completion itself and no
// background thread is needed.
struct beast_connection {
    explicit beast_connection(std::string key) : pool_key(std::move(key)) {}

    // Creates the stream; `tls` selects TLS over TCP, else plain TCP.
    void open_stream(boost::asio::ssl::context* tls)
    {
        if (tls)
            tls_stream.emplace(io, *tls);
        else
            plain_stream.emplace(io);
    }

    boost::beast::tcp_stream& tcp()
    {
        return tls_stream ? boost::beast::get_lowest_layer(*tls_stream) : *plain_stream;
    }

    // Starts one asynchronous operation through `initiate(handler)` and runs the io_context
    // until every handler has run. Returns the operation's error code.
    template <class Initiate>
    boost::system::error_code run(Initiate&& initiate)
    {
        boost::system::error_code result;
        std::forward<Initiate>(initiate)(
            [&result](boost::system::error_code ec, auto&&...) { result = ec; });
        io.restart();
        io.run();
        return result;
    }

    // Declared first so that the streams, which use its services, are destroyed before it.
    boost::asio::io_context io{1};

    std::optional<boost::beast::tcp_stream> plain_stream;
    std::optional<boost::beast::ssl_stream<boost::beast::tcp_stream>> tls_stream;
    boost::beast::flat_buffer buffer;

    // "scheme://host:port": connections are reused only for the same key.
    std::string pool_key;
};

// Idle keep-alive connections keyed by "scheme://host:port". Thread-safe.
class beast_connection_pool {
public:
    explicit beast_connection_pool(std::size_t max_idle_per_host)
        : max_idle_per_host_(max_idle_per_host)
    {
    }

    // Returns the most recently returned idle connection for `key`, or null.
    std::unique_ptr<beast_connection> borrow(const std::string& key)
    {
        std::lock_guard lock(mutex_);
        auto found = idle_.find(key);
        if (found == idle_.end() || found->second.empty())
            return nullptr;

        auto connection = std::move(found->second.back());
        found->second.pop_back();
        return connection;
    }

    // Keeps `connection` for reuse, or closes it when its host already has the maximum.
    void give_back(std::unique_ptr<beast_connection> connection)
    {
        std::unique_ptr<beast_connection> surplus;
        {
            std::lock_guard lock(mutex_);
            auto& idle = idle_[connection->pool_key];
            if (idle.size() < max_idle_per_host_)
                idle.push_back(std::move(connection));
            else
                surplus = std::move(connection);
        }
        // `surplus`, if any, closes here, outside the lock.
    }

private:
    std::mutex mutex_;
    std::unordered_map<std::string, std::vector<std::unique_ptr<beast_connection>>> idle_;
    std::size_t max_idle_per_host_;
};

} // namespace guildgate::detail
