#pragma once

#include "emulator/discord_router.hpp"
#include "emulator/fixture.hpp"
#include "emulator/fixture_loader.hpp"
#include "emulator/stats.hpp"
#include "emulator/test_paths.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace guildgate::testing {

namespace emulator_detail {

// A co_spawn completion handler that prints an exception that ended the coroutine `task`.
inline auto report_failure(const char* task)
{
    return [task](std::exception_ptr failure) {
        if (!failure)
            return;
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& error) {
            std::cerr << "discord emulator: " << task << " failed: " << error.what() << '\n';
        }
    };
}

} // namespace emulator_detail

struct emulator_options {
    std::filesystem::path fixtures_dir = test_fixtures_dir(); // contains discord/ and cdn/
    std::filesystem::path cert_file = test_cert_file();       // PEM certificate chain
    std::filesystem::path key_file = test_key_file();         // PEM private key

    std::string host = "127.0.0.1"; // must be a loopback address
    std::uint16_t port = 0;         // 0: the system picks a free port
    unsigned threads = 2;
    bool tls = true; // false serves plain HTTP, for testing http:// clients

    bool log_requests = false; // one line per request on stderr, without headers
};

// A Discord API and CDN emulator over HTTPS on loopback, serving from the fixtures. It listens
// once constructed, serves on its own threads, and stops in its destructor.
class emulator {
public:
    emulator() : emulator(emulator_options{}) {}

    // Throws std::invalid_argument for a host that is not a loopback address, and
    // std::runtime_error for an invalid fixture or certificate, or a port in use.
    explicit emulator(emulator_options options)
        : options_(std::move(options)), router_(load_fixtures(options_.fixtures_dir))
    {
        namespace net = boost::asio;

        boost::system::error_code ec;
        auto address = net::ip::make_address(options_.host, ec);
        if (ec || !address.is_loopback())
            throw std::invalid_argument("emulator host must be a loopback address such as "
                                        "127.0.0.1 or ::1; got \"" + options_.host + "\"");

        if (options_.tls) {
            SSL_CTX_set_min_proto_version(tls_.native_handle(), TLS1_2_VERSION);
            tls_.use_certificate_chain_file(options_.cert_file.string());
            tls_.use_private_key_file(options_.key_file.string(), net::ssl::context::pem);
        }

        net::ip::tcp::endpoint endpoint(address, options_.port);
        acceptor_.open(endpoint.protocol());
        acceptor_.set_option(net::socket_base::reuse_address(true));
        acceptor_.bind(endpoint);
        acceptor_.listen();
        port_ = acceptor_.local_endpoint().port();

        net::co_spawn(io_, accept_loop(), emulator_detail::report_failure("accept loop"));
        for (unsigned i = 0; i < std::max(options_.threads, 2u); ++i)
            threads_.emplace_back([this] { io_.run(); });
    }

    ~emulator()
    {
        io_.stop();
        for (auto& thread : threads_)
            thread.join();
    }

    emulator(const emulator&) = delete;
    emulator& operator=(const emulator&) = delete;

    std::uint16_t port() const noexcept { return port_; }

    // "https://127.0.0.1:PORT" ("http://..." without TLS; IPv6 hosts in brackets).
    std::string base_url() const
    {
        bool ipv6 = options_.host.find(':') != std::string::npos;
        auto host = ipv6 ? "[" + options_.host + "]" : options_.host;
        return (options_.tls ? "https://" : "http://") + host + ":" + std::to_string(port_);
    }

    // base_url() + "/api/v10", the prefix of every API route.
    std::string api_url() const { return base_url() + "/api/v10"; }

    emulator_stats stats() const { return router_.stats(); }
    void reset_stats() { router_.reset_stats(); }

    // Adds or replaces the account for `token`.
    void set_account(const std::string& token, account value)
    {
        router_.set_account(token, std::move(value));
    }

    // Appends a fault to the account of `token`, after those from its fixture.
    void add_fault(const std::string& token, fault value)
    {
        router_.add_fault(token, std::move(value));
    }

    // Appends a fault checked first on every request, CDN included, whatever its token.
    void add_global_fault(fault value) { router_.add_global_fault(std::move(value)); }

private:
    using tcp = boost::asio::ip::tcp;
    template <class T>
    using awaitable = boost::asio::awaitable<T>;

    static constexpr auto no_throw = boost::asio::as_tuple(boost::asio::use_awaitable);

    awaitable<void> accept_loop()
    {
        for (;;) {
            auto [ec, socket] =
                co_await acceptor_.async_accept(boost::asio::make_strand(io_), no_throw);
            if (ec == boost::asio::error::operation_aborted)
                co_return;
            if (ec) {
                log_line("accept on port " + std::to_string(port_) + " failed: " + ec.message());
                continue;
            }

            boost::system::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            router_.count_connection();
            auto executor = socket.get_executor();
            boost::asio::co_spawn(executor, serve_connection(tcp::socket(std::move(socket))),
                                  emulator_detail::report_failure("connection"));
        }
    }

    awaitable<void> serve_connection(tcp::socket socket)
    {
        if (!options_.tls) {
            co_await serve_requests(socket, socket);
            close(socket);
            co_return;
        }

        boost::asio::ssl::stream<tcp::socket&> stream(socket, tls_);
        auto [ec] = co_await stream.async_handshake(boost::asio::ssl::stream_base::server,
                                                    no_throw);
        if (!ec)
            co_await serve_requests(stream, socket);
        else if (options_.log_requests)
            log_line("TLS handshake failed: " + ec.message());
        close(socket);
    }

    // Closes without a TLS close_notify, as a server that drops the connection would.
    static void close(tcp::socket& socket)
    {
        boost::system::error_code ignored;
        socket.shutdown(tcp::socket::shutdown_both, ignored);
        socket.close(ignored);
    }

    template <class Stream>
    awaitable<void> serve_requests(Stream& stream, tcp::socket& socket)
    {
        namespace http = boost::beast::http;

        boost::beast::flat_buffer buffer;
        for (;;) {
            http::request_parser<http::string_body> parser;
            parser.body_limit(64 * 1024);
            auto [read_ec, read_size] = co_await http::async_read(stream, buffer, parser, no_throw);
            if (read_ec)
                co_return;

            auto request = parser.release();
            auto plan = router_.handle(request);
            log_request(request, plan);

            if (plan.delay.count() > 0) {
                boost::asio::steady_timer timer(socket.get_executor(), plan.delay);
                co_await timer.async_wait(no_throw);
            }

            switch (plan.action) {
            case fault_action::drop:
                co_return;
            case fault_action::stall:
                co_await wait_for_close(stream);
                co_return;
            case fault_action::truncate:
                co_await write_truncated(stream, plan.message);
                co_return;
            case fault_action::respond:
            case fault_action::redirect:
                break;
            }

            plan.message.keep_alive(request.keep_alive());
            plan.message.prepare_payload();
            auto [write_ec, write_size] = co_await http::async_write(stream, plan.message,
                                                                     no_throw);
            if (write_ec || !plan.message.keep_alive())
                co_return;
        }
    }

    // Reads and discards until the client closes the connection.
    template <class Stream>
    static awaitable<void> wait_for_close(Stream& stream)
    {
        char scratch[512];
        for (;;) {
            auto [ec, size] = co_await stream.async_read_some(boost::asio::buffer(scratch),
                                                              no_throw);
            if (ec)
                co_return;
        }
    }

    // Sends the header with a Content-Length 1024 bytes above the body's, then half the body.
    template <class Stream>
    static awaitable<void> write_truncated(Stream& stream, emulator_response& message)
    {
        auto body = message.body();
        message.set(boost::beast::http::field::content_length, std::to_string(body.size() + 1024));

        std::ostringstream header;
        header << message.base();
        auto bytes = header.str() + body.substr(0, body.size() / 2);
        co_await boost::asio::async_write(stream, boost::asio::buffer(bytes), no_throw);
    }

    void log_request(const emulator_request& request, const planned_response& plan)
    {
        if (!options_.log_requests)
            return;

        std::ostringstream line;
        line << request.method_string() << ' ' << request.target()
             << " -> ";
        if (plan.action == fault_action::respond || plan.action == fault_action::redirect)
            line << plan.message.result_int();
        else
            line << "(no complete response)";
        if (plan.faulted)
            line << " [scripted fault]";
        log_line(line.str());
    }

    void log_line(const std::string& text)
    {
        std::lock_guard lock(log_mutex_);
        std::cerr << "discord emulator: " << text << '\n' << std::flush;
    }

    emulator_options options_;
    discord_router router_;
    boost::asio::ssl::context tls_{boost::asio::ssl::context::tls_server};

    // The connections' coroutine frames live in the io_context's queues and are destroyed
    // with it, so it is declared after everything they use.
    boost::asio::io_context io_;
    tcp::acceptor acceptor_{io_};
    std::uint16_t port_ = 0;
    std::mutex log_mutex_;
    std::vector<std::thread> threads_;
};

} // namespace guildgate::testing
