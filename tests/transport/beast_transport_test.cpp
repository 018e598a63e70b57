#include <guildgate/transport/beast.hpp>

#define BOOST_TEST_MODULE beast_transport
#include <boost/test/unit_test.hpp>

#include "emulator/emulator.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace guildgate;
using guildgate::testing::emulator;
using guildgate::testing::emulator_options;
using guildgate::testing::fault;
using guildgate::testing::fault_action;
namespace route_name = guildgate::testing::route_name;

namespace {

const std::string member_path = "/api/v10/users/@me/guilds/812345678901234567/member";

// The machine's SSL_CERT_FILE and SSL_CERT_DIR do not contain the generated test CA, so tests
// that expect success pass it explicitly.
beast_transport_options trusting_test_ca()
{
    beast_transport_options options;
    options.ca_file = guildgate::testing::test_cert_file().string();
    return options;
}

http_request get(std::string url, std::optional<std::string> token = std::nullopt)
{
    http_request request;
    request.url = std::move(url);
    if (token)
        request.bearer = access_token(*token);
    return request;
}

// A loopback port that nothing listens on: bound once, then closed.
std::uint16_t closed_port()
{
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor acceptor(
        io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    auto port = acceptor.local_endpoint().port();
    acceptor.close();
    return port;
}

// The error message of a failed result, for test output.
std::string failure_of(const http_result& result)
{
    return result.has_response() ? "" : result.error().message;
}

std::string host_port(const emulator& server)
{
    return "127.0.0.1:" + std::to_string(server.port());
}

} // namespace

BOOST_AUTO_TEST_SUITE(beast_transport_suite)

BOOST_AUTO_TEST_CASE(get_with_ca_succeeds)
{
    emulator server;
    beast_transport transport(trusting_test_ca());

    auto result = transport.send(get(server.api_url() + "/users/@me", "tok-member-role"));

    BOOST_TEST_REQUIRE(result.has_response(), failure_of(result));
    BOOST_TEST(result.response().status == 200);
    BOOST_TEST(result.response().body.find("\"username\":\"ada\"") != std::string::npos);
    BOOST_TEST(result.response().header("content-type").value_or("") == "application/json");
    BOOST_TEST(result.response().header("Via").value_or("") == "1.1 google");
}

BOOST_AUTO_TEST_CASE(missing_ca_fails_handshake)
{
    emulator server;
    beast_transport transport;

    auto result = transport.send(get(server.api_url() + "/users/@me", "tok-member-role"));

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "tls");
    BOOST_TEST(result.error().message.find(host_port(server)) != std::string::npos);
    BOOST_TEST(result.error().message.find("certificate verify failed") != std::string::npos);
    BOOST_TEST(result.error().message.find("ca_file") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_host_certificate_fails)
{
    emulator_options options;
    options.cert_file = guildgate::testing::test_wrong_host_cert_file();
    options.key_file = guildgate::testing::test_wrong_host_key_file();
    emulator server(options);

    // The certificate is trusted as a CA, so only its host name can make the handshake fail.
    beast_transport_options transport_options;
    transport_options.ca_file = guildgate::testing::test_wrong_host_cert_file().string();
    beast_transport transport(transport_options);

    auto result = transport.send(get(server.api_url() + "/users/@me", "tok-member-role"));

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "tls");
    BOOST_TEST(result.error().message.find("mismatch") != std::string::npos);
    BOOST_TEST(result.error().message.find("'127.0.0.1'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_dns_name_fails)
{
    emulator_options options;
    options.cert_file = guildgate::testing::test_wrong_host_cert_file();
    options.key_file = guildgate::testing::test_wrong_host_key_file();
    emulator server(options);
    beast_transport_options transport_options;
    transport_options.ca_file = guildgate::testing::test_wrong_host_cert_file().string();
    beast_transport transport(transport_options);
    auto url = "https://localhost:" + std::to_string(server.port()) + "/api/v10/users/@me";

    auto result = transport.send(get(url, "tok-member-role"));

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "tls");
    BOOST_TEST(result.error().message.find("hostname mismatch") != std::string::npos);
    BOOST_TEST(result.error().message.find("'localhost'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(closed_port_refused)
{
    auto port = closed_port();
    beast_transport transport(trusting_test_ca());

    auto result = transport.send(get("https://127.0.0.1:" + std::to_string(port) + "/"));

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "connection_refused");
    BOOST_TEST(result.error().message.find("127.0.0.1:" + std::to_string(port))
               != std::string::npos);
}

BOOST_AUTO_TEST_CASE(stall_times_out)
{
    emulator server;
    beast_transport transport(trusting_test_ca());
    auto request = get(server.base_url() + member_path, "tok-stall");
    request.timeout = std::chrono::milliseconds(300);

    auto start = std::chrono::steady_clock::now();
    auto result = transport.send(request);
    auto elapsed = std::chrono::steady_clock::now() - start;

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "timed_out");
    BOOST_TEST(result.error().message.find("within 300 ms") != std::string::npos);
    // Far below the 10 s default, so the request's own timeout applied.
    BOOST_TEST(elapsed < std::chrono::seconds(5));
}

BOOST_AUTO_TEST_CASE(request_timeout_option_caps)
{
    emulator server;
    auto options = trusting_test_ca();
    options.request_timeout = std::chrono::milliseconds(300);
    beast_transport transport(options);

    auto result = transport.send(get(server.base_url() + member_path, "tok-stall"));

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "timed_out");
    BOOST_TEST(result.error().message.find("within 300 ms") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(truncated_body_fails)
{
    emulator server;
    beast_transport transport(trusting_test_ca());

    auto result = transport.send(get(server.base_url() + member_path, "tok-truncate"));

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "connection_reset");
    BOOST_TEST(result.error().message.find("in the middle of the response") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(body_over_limit_fails)
{
    emulator server;
    fault large_body;
    large_body.path = "/api/v10/users/@me";
    large_body.status = 200;
    large_body.body = std::string(100'000, 'x');
    server.add_fault("tok-member-role", large_body);
    auto options = trusting_test_ca();
    options.body_limit = 4096;
    beast_transport transport(options);

    auto result = transport.send(get(server.api_url() + "/users/@me", "tok-member-role"));

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "body_too_large");
    BOOST_TEST(result.error().message.find("4096 bytes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(redirect_not_followed)
{
    emulator target;
    emulator server;
    fault redirect;
    redirect.path = "/api/v10/users/@me";
    redirect.action = fault_action::redirect;
    redirect.location = target.api_url() + "/users/@me";
    server.add_fault("tok-member-role", redirect);
    beast_transport transport(trusting_test_ca());

    auto result = transport.send(get(server.api_url() + "/users/@me", "tok-member-role"));

    BOOST_TEST_REQUIRE(result.has_response(), failure_of(result));
    BOOST_TEST(result.response().status == 302);
    BOOST_TEST(result.response().header("Location").value_or("") == redirect.location);
    BOOST_TEST(target.stats().connections_accepted == 0u);
    BOOST_TEST(target.stats().requests_total == 0u);
}

BOOST_AUTO_TEST_CASE(keep_alive_reuses_connection)
{
    emulator server;
    beast_transport transport(trusting_test_ca());

    int successes = 0;
    for (int i = 0; i < 20; ++i) {
        auto result = transport.send(get(server.api_url() + "/users/@me", "tok-member-role"));
        if (result.has_response() && result.response().status == 200)
            ++successes;
    }

    BOOST_TEST(successes == 20);
    BOOST_TEST(server.stats().route(route_name::current_user) == 20u);
    BOOST_TEST(server.stats().connections_accepted == 1u);
}

BOOST_AUTO_TEST_CASE(stale_connection_retried_once)
{
    emulator server;
    beast_transport transport(trusting_test_ca());
    auto url = server.api_url() + "/users/@me";
    BOOST_TEST_REQUIRE(transport.send(get(url, "tok-member-role")).has_response());

    fault drop;
    drop.path = "/api/v10/users/@me";
    drop.action = fault_action::drop;
    drop.times = 1;
    server.add_fault("tok-member-role", drop);
    auto result = transport.send(get(url, "tok-member-role"));

    BOOST_TEST_REQUIRE(result.has_response(), failure_of(result));
    BOOST_TEST(result.response().status == 200);
    BOOST_TEST(server.stats().connections_accepted == 2u);
    BOOST_TEST(server.stats().route(route_name::current_user) == 3u);
}

BOOST_AUTO_TEST_CASE(second_drop_not_retried)
{
    emulator server;
    beast_transport transport(trusting_test_ca());
    auto url = server.api_url() + "/users/@me";
    BOOST_TEST_REQUIRE(transport.send(get(url, "tok-member-role")).has_response());

    fault drop;
    drop.path = "/api/v10/users/@me";
    drop.action = fault_action::drop;
    drop.times = 2;
    server.add_fault("tok-member-role", drop);
    auto result = transport.send(get(url, "tok-member-role"));

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "connection_reset");
    BOOST_TEST(result.error().message.find("without a response") != std::string::npos);
    BOOST_TEST(server.stats().route(route_name::current_user) == 3u);
}

BOOST_AUTO_TEST_CASE(drop_on_new_connection_fails)
{
    emulator server;
    beast_transport transport(trusting_test_ca());

    auto result = transport.send(get(server.base_url() + member_path, "tok-drop"));

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "connection_reset");
    BOOST_TEST(server.stats().route(route_name::current_user_member) == 1u);
}

BOOST_AUTO_TEST_CASE(bearer_reaches_api)
{
    emulator server;
    beast_transport transport(trusting_test_ca());

    auto with_token = transport.send(get(server.api_url() + "/users/@me", "tok-member-role"));
    auto without_token = transport.send(get(server.api_url() + "/users/@me"));

    BOOST_TEST_REQUIRE(with_token.has_response());
    BOOST_TEST(with_token.response().status == 200);
    BOOST_TEST_REQUIRE(without_token.has_response());
    BOOST_TEST(without_token.response().status == 401);
    BOOST_TEST(server.stats().api_authorization == 1u);
}

BOOST_AUTO_TEST_CASE(authorization_header_not_forwarded)
{
    emulator server;
    beast_transport transport(trusting_test_ca());
    auto request = get(server.api_url() + "/users/@me");
    request.headers.push_back({"Authorization", "Bearer tok-member-role"});

    auto result = transport.send(request);

    BOOST_TEST_REQUIRE(result.has_response());
    BOOST_TEST(result.response().status == 401);
    BOOST_TEST(server.stats().api_authorization == 0u);
}

BOOST_AUTO_TEST_CASE(cdn_rejects_authorization)
{
    emulator server;
    beast_transport transport(trusting_test_ca());
    auto avatar = server.base_url() + "/avatars/412345678901234501/"
                  "8342729096ea3675442027381ff50dfe.png?size=128";

    auto with_token = transport.send(get(avatar, "tok-member-role"));
    auto without_token = transport.send(get(avatar));

    BOOST_TEST_REQUIRE(with_token.has_response());
    BOOST_TEST(with_token.response().status == 400);
    BOOST_TEST_REQUIRE(without_token.has_response());
    BOOST_TEST(without_token.response().status == 200);
    BOOST_TEST(without_token.response().body.starts_with("\x89PNG\r\n\x1a\n"));
    BOOST_TEST(server.stats().cdn_authorization == 1u);
}

BOOST_AUTO_TEST_CASE(threads_share_transport)
{
    emulator server;
    beast_transport transport(trusting_test_ca());
    auto url = server.api_url() + "/users/@me";
    std::atomic<int> successes{0};
    std::atomic<int> failures{0};

    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i) {
                auto result = transport.send(get(url, "tok-member-role"));
                bool ok = result.has_response() && result.response().status == 200;
                ++(ok ? successes : failures);
            }
        });
    for (auto& thread : threads)
        thread.join();

    BOOST_TEST(successes.load() == 1600);
    BOOST_TEST(failures.load() == 0);
    // At most one connection per thread: idle ones are reused, never opened in excess.
    BOOST_TEST(server.stats().connections_accepted <= 8u);
}

BOOST_AUTO_TEST_CASE(plain_http_works)
{
    emulator_options options;
    options.tls = false;
    emulator server(options);
    beast_transport transport;

    auto result = transport.send(get(server.api_url() + "/users/@me", "tok-member-role"));

    BOOST_TEST(server.base_url().starts_with("http://"));
    BOOST_TEST_REQUIRE(result.has_response(), failure_of(result));
    BOOST_TEST(result.response().status == 200);
}

BOOST_AUTO_TEST_CASE(https_to_plain_server_fails)
{
    emulator_options options;
    options.tls = false;
    emulator server(options);
    beast_transport transport(trusting_test_ca());

    auto result = transport.send(get("https://" + host_port(server) + "/api/v10/users/@me"));

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "tls");
}

BOOST_AUTO_TEST_CASE(ipv6_literal_works)
{
    emulator_options options;
    options.host = "::1";
    emulator server(options);
    beast_transport transport(trusting_test_ca());

    auto result = transport.send(get(server.api_url() + "/users/@me", "tok-member-role"));

    BOOST_TEST(server.base_url().starts_with("https://[::1]:"));
    BOOST_TEST_REQUIRE(result.has_response(), failure_of(result));
    BOOST_TEST(result.response().status == 200);
}

BOOST_AUTO_TEST_CASE(localhost_name_works)
{
    emulator server;
    beast_transport transport(trusting_test_ca());
    auto url = "https://localhost:" + std::to_string(server.port()) + "/api/v10/users/@me";

    auto result = transport.send(get(url, "tok-member-role"));

    BOOST_TEST_REQUIRE(result.has_response(), failure_of(result));
    BOOST_TEST(result.response().status == 200);
}

BOOST_AUTO_TEST_CASE(token_absent_from_errors)
{
    emulator server;
    const std::string token = "tok-stall";
    beast_transport untrusting;
    beast_transport trusting(trusting_test_ca());

    auto refused = get("https://127.0.0.1:" + std::to_string(closed_port()) + "/", token);
    auto untrusted = get(server.base_url() + member_path, token);
    auto stalled = get(server.base_url() + member_path, token);
    stalled.timeout = std::chrono::milliseconds(200);
    auto invalid = get("https://exa mple.com/", token);
    std::vector<transport_error> errors;
    for (auto* result : {&refused, &untrusted, &invalid})
        errors.push_back(untrusting.send(*result).error());
    errors.push_back(trusting.send(stalled).error());

    for (const auto& error : errors)
        BOOST_TEST(error.message.find(token) == std::string::npos, error.message);
}

BOOST_AUTO_TEST_CASE(header_injection_rejected)
{
    emulator server;
    beast_transport transport(trusting_test_ca());
    auto request = get(server.api_url() + "/users/@me", "tok-member-role");
    request.headers.push_back({"User-Agent", "guildgate\r\nX-Injected: 1"});

    auto result = transport.send(request);

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "other");
    BOOST_TEST(server.stats().requests_total == 0u);
}

BOOST_AUTO_TEST_CASE(token_with_line_break_rejected)
{
    beast_transport transport(trusting_test_ca());

    auto result = transport.send(get("https://127.0.0.1:1/", "tok\r\nX-Injected: 1"));

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "other");
    BOOST_TEST(result.error().message.find("X-Injected") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_url_rejected)
{
    beast_transport transport;

    auto result = transport.send(get("ftp://127.0.0.1/file"));

    BOOST_TEST_REQUIRE(!result.has_response());
    BOOST_TEST(to_string(result.error().failure) == "invalid_url");
    BOOST_TEST(result.error().message.find("ftp://127.0.0.1/file") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unreadable_ca_file_throws)
{
    beast_transport_options options;
    options.ca_file = "/nonexistent/guildgate-ca.pem";

    BOOST_CHECK_THROW(beast_transport{options}, std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(resolve_failure_is_name_resolution)
{
    // Resolving a real unknown name would query the DNS server, so this checks the mapping.
    auto error = detail::resolve_failure("nosuchhost.invalid", boost::asio::error::host_not_found,
                                         std::chrono::milliseconds(5000));

    BOOST_TEST(to_string(error.failure) == "name_resolution");
    BOOST_TEST(error.message.find("'nosuchhost.invalid'") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
