#pragma once

#include <guildgate/transport/http.hpp>

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include <chrono>
#include <cstddef>
#include <string>

// Maps Beast, Asio and OpenSSL error codes to transport_error values whose messages name the
// peer, the cause and the fix. None of these functions receives the request, so no message can
// contain its bearer token.
namespace guildgate::detail {

using beast_error_code = boost::system::error_code;

inline std::string milliseconds_text(std::chrono::milliseconds duration)
{
    return std::to_string(duration.count()) + " ms";
}

inline transport_error resolve_failure(const std::string& host, const beast_error_code& ec,
                                       std::chrono::milliseconds timeout)
{
    if (ec == boost::asio::error::operation_aborted || ec == boost::beast::error::timeout)
        return {transport_failure::timed_out,
                "resolving host '" + host + "' timed out after " + milliseconds_text(timeout)
                    + "; check the DNS configuration"};

    return {transport_failure::name_resolution,
            "could not resolve host '" + host + "' (" + ec.message()
                + "); check the host name in the URL and the DNS configuration"};
}

inline transport_error connect_failure(const std::string& host_port, const beast_error_code& ec,
                                       std::chrono::milliseconds timeout)
{
    namespace error = boost::asio::error;

    if (ec == boost::beast::error::timeout)
        return {transport_failure::timed_out,
                "connecting to " + host_port + " timed out after " + milliseconds_text(timeout)
                    + "; check that the host is reachable and that no firewall drops packets"};

    if (ec == error::connection_refused)
        return {transport_failure::connection_refused,
                "connection to " + host_port + " refused: nothing listens on that port; check "
                "that the server runs and that the URL has the right port"};

    return {transport_failure::connection_refused,
            "could not connect to " + host_port + " (" + ec.message()
                + "); check the host, the port and the network route"};
}

// Returns OpenSSL's reason text for an SSL error code, without the library name.
inline std::string ssl_reason(const beast_error_code& ec)
{
    if (ec.category() == boost::asio::error::get_ssl_category()) {
        auto value = static_cast<unsigned long>(ec.value());
        if (const char* reason = ERR_reason_error_string(value))
            return reason;
    }
    return ec.message();
}

// `verify_result` is SSL_get_verify_result() after the failed handshake.
inline transport_error handshake_failure(const std::string& host_port, const std::string& host,
                                         const beast_error_code& ec, long verify_result,
                                         std::chrono::milliseconds timeout)
{
    std::string prefix = "TLS handshake with " + host_port;

    if (ec == boost::beast::error::timeout)
        return {transport_failure::timed_out,
                prefix + " did not finish within " + milliseconds_text(timeout)
                    + "; check that the port serves HTTPS"};

    if (ec == boost::asio::error::eof || ec == boost::asio::ssl::error::stream_truncated
        || ec == boost::asio::error::connection_reset)
        return {transport_failure::tls,
                prefix + " failed: the server closed the connection; check that the port "
                "serves HTTPS with TLS 1.2 or later"};

    if (verify_result == X509_V_ERR_HOSTNAME_MISMATCH
        || verify_result == X509_V_ERR_IP_ADDRESS_MISMATCH)
        return {transport_failure::tls,
                prefix + " failed: certificate verify failed ("
                    + X509_verify_cert_error_string(verify_result)
                    + "); the certificate is not issued for '" + host
                    + "', so connect with a host name or address that the certificate lists"};

    if (verify_result != X509_V_OK)
        return {transport_failure::tls,
                prefix + " failed: certificate verify failed ("
                    + X509_verify_cert_error_string(verify_result)
                    + "); pass the CA that issued the server certificate as ca_file "
                      "(--ca-file)"};

    return {transport_failure::tls,
            prefix + " failed: " + ssl_reason(ec)
                + "; check that the port serves HTTPS with TLS 1.2 or later"};
}

inline transport_error write_failure(const std::string& host_port, const beast_error_code& ec,
                                     std::chrono::milliseconds timeout)
{
    if (ec == boost::beast::error::timeout)
        return {transport_failure::timed_out, "sending the request to " + host_port
                                                  + " did not finish within "
                                                  + milliseconds_text(timeout)};

    return {transport_failure::connection_reset,
            "sending the request to " + host_port + " failed (" + ssl_reason(ec)
                + "); the server closed the connection"};
}

// `got_some` is true when any byte of the response arrived before the failure.
inline transport_error read_failure(const std::string& host_port, const beast_error_code& ec,
                                    bool got_some, std::chrono::milliseconds timeout,
                                    std::size_t body_limit)
{
    namespace http = boost::beast::http;

    if (ec == boost::beast::error::timeout)
        return {transport_failure::timed_out,
                got_some ? "the response from " + host_port + " did not finish within "
                               + milliseconds_text(timeout)
                         : "no response from " + host_port + " within "
                               + milliseconds_text(timeout)
                               + "; the server is slow or stalled, so retry later"};

    if (ec == http::error::body_limit)
        return {transport_failure::body_too_large,
                "the response body from " + host_port + " exceeds the limit of "
                    + std::to_string(body_limit)
                    + " bytes; raise beast_transport_options::body_limit if the response is "
                      "expected to be that large"};

    if (ec == http::error::header_limit)
        return {transport_failure::protocol,
                "the response header from " + host_port + " exceeds the 64 KiB limit"};

    bool closed = ec == http::error::end_of_stream || ec == http::error::partial_message
                  || ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset
                  || ec == boost::asio::error::broken_pipe
                  || ec == boost::asio::ssl::error::stream_truncated;
    if (closed)
        return {transport_failure::connection_reset,
                host_port
                    + (got_some ? " closed the connection in the middle of the response ("
                                : " closed the connection without a response (")
                    + ssl_reason(ec) + "); retry later"};

    if (ec.category() == http::make_error_code(http::error::bad_version).category())
        return {transport_failure::protocol,
                "invalid HTTP response from " + host_port + " (" + ec.message()
                    + "); check that the URL points at an HTTP server"};

    return {transport_failure::other,
            "reading the response from " + host_port + " failed (" + ssl_reason(ec) + ")"};
}

} // namespace guildgate::detail
