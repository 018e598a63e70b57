#pragma once

#include <guildgate/transport/detail/beast_connection.hpp>
#include <guildgate/transport/detail/beast_errors.hpp>
#include <guildgate/transport/detail/url.hpp>
#include <guildgate/transport/http.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/verify_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <openssl/ssl.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

// The steps of one request on a connection: open (resolve, connect, TLS handshake) and
// exchange (write the request, read the response), each bounded by a deadline.
namespace guildgate::detail {

// When each phase must be done, and the limits they came from, for error messages.
struct beast_deadlines {
    std::chrono::steady_clock::time_point connect; // resolve, TCP connect and TLS handshake
    std::chrono::steady_clock::time_point request; // everything, the response included
    std::chrono::milliseconds connect_limit;
    std::chrono::milliseconds request_limit;
};

using beast_endpoints = std::vector<boost::asio::ip::tcp::endpoint>;

// Resolves `url.host`, or converts an IP literal without asking the resolver.
inline std::variant<beast_endpoints, transport_error>
resolve_endpoints(beast_connection& connection, const url_parts& url,
                  const beast_deadlines& deadlines)
{
    namespace net = boost::asio;
    using tcp = net::ip::tcp;

    boost::system::error_code ec;
    auto address = net::ip::make_address(url.host, ec);
    if (!ec)
        return beast_endpoints{tcp::endpoint(address, url.port)};

    // The resolver has no deadline of its own, so a timer cancels it.
    tcp::resolver resolver(connection.io);
    net::steady_timer timer(connection.io, deadlines.connect);
    beast_endpoints endpoints;
    bool resolved = false;
    timer.async_wait([&](boost::system::error_code wait_ec) {
        if (!wait_ec && !resolved)
            resolver.cancel();
    });
    resolver.async_resolve(url.host, std::to_string(url.port),
                           [&](boost::system::error_code resolve_ec,
                               const tcp::resolver::results_type& results) {
                               resolved = true;
                               ec = resolve_ec;
                               timer.cancel();
                               for (const auto& entry : results)
                                   endpoints.push_back(entry.endpoint());
                           });
    connection.io.restart();
    connection.io.run();

    if (ec || endpoints.empty())
        return resolve_failure(url.host, ec, deadlines.connect_limit);
    return endpoints;
}

// Checks the leaf certificate against `host` with host_name_verification and records a
// mismatch as the verify error, so that the handshake error can name the cause.
inline auto make_host_name_verifier(const std::string& host, bool ip_literal)
{
    return [verify = boost::asio::ssl::host_name_verification(host),
            ip_literal](bool preverified, boost::asio::ssl::verify_context& context) {
        bool matches = verify(preverified, context);
        if (preverified && !matches)
            X509_STORE_CTX_set_error(context.native_handle(),
                                     ip_literal ? X509_V_ERR_IP_ADDRESS_MISMATCH
                                                : X509_V_ERR_HOSTNAME_MISMATCH);
        return matches;
    };
}

// Resolves, connects with TCP_NODELAY and, for https, completes the TLS handshake.
inline std::variant<std::unique_ptr<beast_connection>, transport_error>
open_connection(const url_parts& url, std::string pool_key, boost::asio::ssl::context* tls,
                const beast_deadlines& deadlines)
{
    namespace net = boost::asio;

    auto connection = std::make_unique<beast_connection>(std::move(pool_key));
    connection->open_stream(url.is_https() ? tls : nullptr);

    auto endpoints = resolve_endpoints(*connection, url, deadlines);
    if (auto* error = std::get_if<transport_error>(&endpoints))
        return std::move(*error);

    auto& tcp = connection->tcp();
    tcp.expires_at(deadlines.connect);
    auto ec = connection->run([&](auto handler) {
        tcp.async_connect(std::get<beast_endpoints>(endpoints), std::move(handler));
    });
    if (ec)
        return connect_failure(url.host_port(), ec, deadlines.connect_limit);

    // Requests are small and sent in one write, so Nagle's delay would only add latency.
    tcp.socket().set_option(net::ip::tcp::no_delay(true), ec);

    if (!connection->tls_stream)
        return connection;

    auto& stream = *connection->tls_stream;
    boost::system::error_code not_an_address;
    net::ip::make_address(url.host, not_an_address);
    bool ip_literal = !not_an_address;

    // SNI carries host names only (RFC 6066 forbids IP literals in it).
    if (!ip_literal)
        SSL_set_tlsext_host_name(stream.native_handle(), url.host.c_str());
    stream.set_verify_mode(net::ssl::verify_peer);
    stream.set_verify_callback(make_host_name_verifier(url.host, ip_literal));

    ec = connection->run([&](auto handler) {
        stream.async_handshake(net::ssl::stream_base::client, std::move(handler));
    });
    if (ec)
        return handshake_failure(url.host_port(), url.host, ec,
                                 SSL_get_verify_result(stream.native_handle()),
                                 deadlines.connect_limit);
    return connection;
}

// The outcome of one request on an open connection.
struct beast_exchange_result {
    std::optional<http_response> response;
    std::optional<transport_error> error;

    // The connection failed before any byte of the response arrived, so a request sent on a
    // stale pooled connection may be sent again on a fresh one.
    bool nothing_received = false;

    // The response allows the connection to carry another request.
    bool reusable = false;
};

inline http_response
to_http_response(boost::beast::http::response<boost::beast::http::string_body>&& message)
{
    http_response response;
    response.status = static_cast<int>(message.result_int());
    for (const auto& field : message)
        response.headers.push_back(
            {std::string(field.name_string()), std::string(field.value())});
    response.body = std::move(message.body());
    return response;
}

// Writes `request` and reads the response, both bounded by `deadlines.request`.
inline beast_exchange_result
exchange(beast_connection& connection,
         const boost::beast::http::request<boost::beast::http::empty_body>& request,
         const std::string& host_port, const beast_deadlines& deadlines, std::size_t body_limit)
{
    namespace http = boost::beast::http;

    beast_exchange_result result;
    auto& tcp = connection.tcp();
    tcp.expires_at(deadlines.request);

    auto ec = connection.run([&](auto handler) {
        if (connection.tls_stream)
            http::async_write(*connection.tls_stream, request, std::move(handler));
        else
            http::async_write(*connection.plain_stream, request, std::move(handler));
    });
    if (ec) {
        result.error = write_failure(host_port, ec, deadlines.request_limit);
        result.nothing_received = ec != boost::beast::error::timeout;
        return result;
    }

    http::response_parser<http::string_body> parser;
    parser.body_limit(body_limit);
    parser.header_limit(64 * 1024);
    if (request.method() == http::verb::head)
        parser.skip(true);

    ec = connection.run([&](auto handler) {
        auto& buffer = connection.buffer;
        if (connection.tls_stream)
            http::async_read(*connection.tls_stream, buffer, parser, std::move(handler));
        else
            http::async_read(*connection.plain_stream, buffer, parser, std::move(handler));
    });
    if (ec) {
        bool got_some = parser.got_some() || connection.buffer.size() > 0;
        result.error = read_failure(host_port, ec, got_some, deadlines.request_limit, body_limit);
        result.nothing_received = !got_some && ec != boost::beast::error::timeout;
        return result;
    }

    tcp.expires_never();
    result.reusable = parser.get().keep_alive() && connection.buffer.size() == 0;
    result.response = to_http_response(parser.release());
    return result;
}

} // namespace guildgate::detail
