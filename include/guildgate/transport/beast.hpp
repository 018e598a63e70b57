#pragma once

#include <guildgate/transport/concept.hpp>
#include <guildgate/transport/detail/beast_connection.hpp>
#include <guildgate/transport/detail/beast_exchange.hpp>
#include <guildgate/transport/detail/url.hpp>
#include <guildgate/transport/http.hpp>

#include <boost/asio/ssl/context.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/verb.hpp>
#include <openssl/ssl.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

namespace guildgate {

struct beast_transport_options {
    // A PEM file of CA certificates trusted in addition to the system's default verify paths
    // (which OpenSSL takes from SSL_CERT_FILE and SSL_CERT_DIR when they are set). Empty: none.
    std::string ca_file;

    // Bounds name resolution, TCP connect and TLS handshake together.
    std::chrono::milliseconds connect_timeout{5'000};

    // Upper bound for a whole request; a shorter http_request::timeout applies instead.
    std::chrono::milliseconds request_timeout{10'000};

    // Maximum response body size in bytes; a larger body fails with body_too_large.
    std::size_t body_limit = 8 * 1024 * 1024;

    // Idle keep-alive connections kept per (scheme, host, port); more are closed on return.
    std::size_t max_idle_per_host = 8;
};

// A synchronous HTTP/1.1 client on Boost.Beast for https:// (and http:// for tests).
//
// One transport may be shared by any number of threads: each request borrows a keep-alive
// connection from a pool (or opens one), so requests run in parallel on separate connections.
// TLS needs version 1.2 or later, a certificate that chains to a trusted CA, and a
// certificate name that matches the URL's host (host_name_verification; SNI is sent for host
// names). Redirects are returned, never followed. A pooled connection that the server closed
// while idle is replaced once when the failure came before any byte of the response.
//
// The request's Host and Authorization entries in `headers` are ignored: Host comes from the
// URL and Authorization only from `bearer`, so a token cannot leak through a copied header
// list. Network faults never throw; they become transport_error values whose messages name
// host:port and never contain the token.
class beast_transport {
public:
    // Throws std::invalid_argument when `options.ca_file` cannot be loaded.
    explicit beast_transport(beast_transport_options options = {})
        : state_(std::make_unique<state>(std::move(options)))
    {
    }

    http_result send(const http_request& request)
    {
        try {
            return send_unchecked(request);
        } catch (const std::exception& failure) {
            return transport_error{transport_failure::other,
                                   std::string("request failed unexpectedly: ") + failure.what()};
        }
    }

private:
    using beast_request = boost::beast::http::request<boost::beast::http::empty_body>;

    struct state {
        explicit state(beast_transport_options settings)
            : options(std::move(settings)), pool(options.max_idle_per_host)
        {
            SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION);
            tls.set_verify_mode(boost::asio::ssl::verify_peer);

            // A missing system store leaves only ca_file trusted, which is still safe.
            boost::system::error_code ignored;
            tls.set_default_verify_paths(ignored);

            if (!options.ca_file.empty()) {
                boost::system::error_code ec;
                tls.load_verify_file(options.ca_file, ec);
                if (ec)
                    throw std::invalid_argument(
                        "cannot load the CA file '" + options.ca_file + "' (" + ec.message()
                        + "); pass a readable PEM file of CA certificates as ca_file");
            }
        }

        beast_transport_options options;
        boost::asio::ssl::context tls{boost::asio::ssl::context::tls_client};
        detail::beast_connection_pool pool;
    };

    http_result send_unchecked(const http_request& request)
    {
        auto url = detail::parse_url(request.url);
        if (!url)
            return transport_error{transport_failure::invalid_url,
                                   invalid_url_message(request.url)};

        auto message = make_request(request, *url);
        if (auto* error = std::get_if<transport_error>(&message))
            return std::move(*error);

        auto& options = state_->options;
        auto limit = std::max(std::min(request.timeout, options.request_timeout),
                              std::chrono::milliseconds{0});
        auto start = std::chrono::steady_clock::now();
        auto connect_limit = std::min(options.connect_timeout, limit);
        detail::beast_deadlines deadlines{start + connect_limit, start + limit, connect_limit,
                                          limit};

        auto host_port = url->host_port();
        auto key = url->scheme + "://" + host_port;
        auto connection = state_->pool.borrow(key);
        bool may_retry = true;

        for (;;) {
            bool pooled = connection != nullptr;
            if (!pooled) {
                auto opened = detail::open_connection(*url, key, &state_->tls, deadlines);
                if (auto* error = std::get_if<transport_error>(&opened))
                    return std::move(*error);
                connection = std::move(std::get<0>(opened));
            }

            auto result = detail::exchange(*connection, std::get<beast_request>(message),
                                           host_port, deadlines, options.body_limit);
            if (result.response) {
                if (result.reusable)
                    state_->pool.give_back(std::move(connection));
                return std::move(*result.response);
            }

            // The server may close an idle keep-alive connection at any time, so a request that
            // failed on a pooled connection before any byte of the response arrived is sent once
            // more on a new connection.
            connection.reset();
            if (pooled && may_retry && result.nothing_received) {
                may_retry = false;
                continue;
            }
            return std::move(*result.error);
        }
    }

    static std::string invalid_url_message(std::string_view url)
    {
        constexpr std::size_t max_url_chars = 200;
        return "invalid URL \"" + std::string(url.substr(0, max_url_chars))
               + (url.size() > max_url_chars ? "...\"" : "\"")
               + ": expected http:// or https://, a host, an optional port from 1 to 65535 and "
                 "a path without spaces or control characters";
    }

    // RFC 9110 token characters, which a header name consists of.
    static bool is_token(std::string_view text)
    {
        constexpr std::string_view symbols = "!#$%&'*+-.^_`|~";
        return !text.empty() && std::all_of(text.begin(), text.end(), [&](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                   || symbols.find(c) != std::string_view::npos;
        });
    }

    // A header value must not contain CR, LF or other control characters (tab is allowed),
    // which could end the header and inject another.
    static bool is_field_value(std::string_view text)
    {
        return std::none_of(text.begin(), text.end(), [](char c) {
            auto byte = static_cast<unsigned char>(c);
            return (byte < 0x20 && byte != '\t') || byte == 0x7f;
        });
    }

    static std::variant<beast_request, transport_error> make_request(const http_request& request,
                                                                     const detail::url_parts& url)
    {
        namespace http = boost::beast::http;

        auto verb = http::string_to_verb(request.method);
        if (verb == http::verb::unknown)
            return transport_error{transport_failure::other,
                                   "unsupported HTTP method \"" + request.method.substr(0, 20)
                                       + "\"; use a standard method such as GET"};

        beast_request message{verb, url.target, 11};
        message.set(http::field::host, url.host_header());
        for (const auto& header : request.headers) {
            if (!is_token(header.name) || !is_field_value(header.value))
                return transport_error{transport_failure::other,
                                       "request header \"" + header.name.substr(0, 40)
                                           + "\" has an invalid name or a control character in "
                                             "its value; remove line breaks from it"};
            bool reserved = detail::iequals(header.name, "host")
                            || detail::iequals(header.name, "authorization");
            if (reserved)
                continue;
            message.insert(header.name, header.value);
        }

        if (request.bearer) {
            const auto& token = request.bearer->reveal();
            bool visible = !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
                return c > ' ' && c < 0x7f;
            });
            if (!visible)
                return transport_error{transport_failure::other,
                                       "the bearer token is empty or contains spaces, control "
                                       "or non-ASCII characters, so it cannot be sent; check "
                                       "where the token came from"};
            message.set(http::field::authorization, "Bearer " + token);
        }
        return message;
    }

    std::unique_ptr<state> state_;
};

static_assert(http_transport<beast_transport>);

} // namespace guildgate
