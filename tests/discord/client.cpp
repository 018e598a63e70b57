#include <guildgate/discord/client.hpp>

#include <guildgate/transport/memory.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace std::chrono_literals;
using namespace std::string_view_literals;
namespace discord = guildgate::discord;
using guildgate::error_kind;
using guildgate::http_request;
using guildgate::http_response;
using guildgate::json_response;
using guildgate::manual_clock;
using guildgate::memory_transport;

const std::string api = "https://discord.com/api/v10";
const std::string user_url = api + "/users/@me";
const std::string member_url = api + "/users/@me/guilds/812345678901234567/member";
const std::string user_body = R"({"id": "80351110224678912", "username": "nelly"})";
const std::string rate_limit_body =
    R"({"message": "You are being rate limited.", "retry_after": 64.57, "global": false})";
const std::string png_bytes("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 16);
const std::string token_text = "client-test-token-5b7e1d";

discord::client_options options_with(std::shared_ptr<manual_clock> clock)
{
    discord::client_options options;
    options.clock = std::move(clock);
    return options;
}

http_response with_status(int status, std::string body = "")
{
    return {status, {}, std::move(body)};
}

std::string_view header_of(const http_request& request, std::string_view name)
{
    for (const auto& header : request.headers)
        if (guildgate::detail::iequals(header.name, name))
            return header.value;
    return {};
}

struct client_fixture {
    std::shared_ptr<manual_clock> clock = std::make_shared<manual_clock>();
    memory_transport transport;
    discord::client<memory_transport> client{transport, options_with(clock)};
    guildgate::access_token token{token_text};
    std::vector<discord::request_record> log;
    discord::request_context context = client.start(token, log);

    std::vector<std::string> outcomes() const
    {
        std::vector<std::string> result;
        for (const auto& record : log)
            result.push_back(record.outcome);
        return result;
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(client_test, client_fixture)

BOOST_AUTO_TEST_CASE(user_ok)
{
    transport.route(user_url, json_response(200, user_body));

    auto result = client.current_user(context);

    BOOST_TEST_REQUIRE(result.value.has_value());
    BOOST_TEST(!result.error.has_value());
    BOOST_TEST(result.value->id == "80351110224678912");
    BOOST_TEST(transport.requests().size() == 1u);
    BOOST_TEST(log.size() == 1u);
    BOOST_TEST(log.at(0).route == "GET /users/@me");
    BOOST_TEST(log.at(0).status == 200);
}

BOOST_AUTO_TEST_CASE(request_headers)
{
    transport.route(user_url, json_response(200, user_body));

    client.current_user(context);

    http_request sent = transport.requests().at(0);
    BOOST_TEST(sent.url == user_url);
    BOOST_TEST_REQUIRE(sent.bearer.has_value());
    BOOST_TEST(sent.bearer->reveal() == token_text);
    BOOST_TEST(header_of(sent, "User-Agent").substr(0, 12) == "DiscordBot (");
    BOOST_TEST(header_of(sent, "Accept") == "application/json");
    BOOST_TEST(header_of(sent, "Authorization") == "");
    BOOST_TEST(sent.timeout.count() == 10'000);
}

BOOST_AUTO_TEST_CASE(short_429_waited_once)
{
    transport.script(user_url,
                     {json_response(429, R"({"message": "m", "retry_after": 1.5, "global": false})"),
                      json_response(200, user_body)});

    auto result = client.current_user(context);

    BOOST_TEST(result.value.has_value());
    BOOST_TEST(transport.requests().size() == 2u);
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(clock->total_slept()).count()
               == 1500);
    BOOST_TEST(outcomes() == (std::vector<std::string>{"retry", "ok"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(second_429_not_waited)
{
    transport.route(user_url, json_response(429, R"({"message": "m", "retry_after": 1.0})"));

    auto result = client.current_user(context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "rate_limited");
    BOOST_TEST(transport.requests().size() == 2u);
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(clock->total_slept()).count()
               == 1000);
}

BOOST_AUTO_TEST_CASE(long_429_returned_at_once)
{
    transport.route(user_url, json_response(429, rate_limit_body, {{"Retry-After", "65"}}));

    auto result = client.current_user(context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "rate_limited");
    BOOST_TEST(result.error->http_status == 429);
    BOOST_TEST(result.error->route == "GET /users/@me");
    BOOST_TEST_REQUIRE(result.error->retry_after.has_value());
    BOOST_TEST(std::abs(*result.error->retry_after - 64.57) < 1e-9);
    BOOST_TEST(transport.requests().size() == 1u);
    BOOST_TEST(clock->total_slept().count() == 0);
}

BOOST_AUTO_TEST_CASE(exhausted_bucket_sends_nothing)
{
    transport.route(user_url, json_response(429, rate_limit_body, {{"Retry-After", "65"}}));
    client.current_user(context);

    clock->advance(10s);
    auto result = client.current_user(context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "rate_limited");
    BOOST_TEST(result.error->http_status == 0);
    BOOST_TEST_REQUIRE(result.error->retry_after.has_value());
    BOOST_TEST(std::abs(*result.error->retry_after - 54.57) < 1e-6);
    BOOST_TEST(transport.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(short_bucket_waited)
{
    transport.route(user_url,
                    json_response(200, user_body,
                                  {{"X-RateLimit-Remaining", "0"},
                                   {"X-RateLimit-Reset-After", "1"}}));
    client.current_user(context);

    auto result = client.current_user(context);

    BOOST_TEST(result.value.has_value());
    BOOST_TEST(transport.requests().size() == 2u);
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(clock->total_slept()).count()
               == 1000);
}

BOOST_AUTO_TEST_CASE(server_error_retried)
{
    transport.script(user_url, {with_status(503), with_status(503), json_response(200, user_body)});

    auto result = client.current_user(context);

    BOOST_TEST(result.value.has_value());
    BOOST_TEST(transport.requests().size() == 3u);
    BOOST_TEST(outcomes() == (std::vector<std::string>{"retry", "retry", "ok"}),
               boost::test_tools::per_element());

    // Backoff: 200 ms x 2^attempt x [0.5, 1.5), so 300 ms to 900 ms over two retries.
    auto slept = std::chrono::duration_cast<std::chrono::milliseconds>(clock->total_slept());
    BOOST_TEST(slept.count() >= 300);
    BOOST_TEST(slept.count() <= 900);
}

BOOST_AUTO_TEST_CASE(server_error_gives_up)
{
    transport.script(user_url, {with_status(503), with_status(503), with_status(503),
                                with_status(503), with_status(503)});

    auto result = client.current_user(context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "discord_unavailable");
    BOOST_TEST(result.error->http_status == 503);
    BOOST_TEST(transport.requests().size() ==
               std::size_t(client.options().max_server_retries + 1));
    BOOST_TEST(transport.requests().size() == 3u);
}

BOOST_AUTO_TEST_CASE(unauthorized_sent_once)
{
    transport.route(user_url, json_response(401, R"({"message": "401: Unauthorized", "code": 0})"));

    auto result = client.current_user(context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "token_invalid");
    BOOST_TEST(result.error->http_status == 401);
    BOOST_TEST(result.error->discord_code.value_or(-1) == 0);
    BOOST_TEST(transport.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(redirect_not_followed)
{
    transport.route(user_url,
                    {302, {{"Location", "https://redirect.example.test/api/v10/users/@me"}}, ""});

    auto result = client.current_user(context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "transport");
    BOOST_TEST(result.error->http_status == 302);
    BOOST_TEST(transport.requests().size() == 1u);
    BOOST_TEST(transport.count("https://redirect.example.test") == 0u);
    BOOST_TEST(result.error->detail.find("redirect") != std::string::npos, result.error->detail);
}

BOOST_AUTO_TEST_CASE(bad_json_is_bad_response)
{
    transport.route(user_url, json_response(200, R"({"id": "80351110224678912", )"));

    auto result = client.current_user(context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "bad_response");
    BOOST_TEST(result.error->http_status == 200);
    BOOST_TEST(transport.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(wrong_shape_is_bad_response)
{
    transport.route(member_url, json_response(200, R"({"roles": "823456789012345678"})"));

    auto result = client.member(context, "812345678901234567");

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "bad_response");
    BOOST_TEST(result.error->detail.find("roles") != std::string::npos, result.error->detail);
}

BOOST_AUTO_TEST_CASE(transport_failure)
{
    transport.fail_at(1, {guildgate::transport_failure::timed_out, "no response within 10000 ms"});

    auto result = client.current_user(context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "transport");
    BOOST_TEST(result.error->http_status == 0);
    BOOST_TEST(result.error->detail.find("timed_out") != std::string::npos, result.error->detail);
}

BOOST_AUTO_TEST_CASE(member_not_member)
{
    transport.route(member_url, json_response(404, R"({"message": "Unknown Guild", "code": 10004})"));

    auto result = client.member(context, "812345678901234567");

    BOOST_TEST(result.not_member);
    BOOST_TEST(!result.error.has_value());
    BOOST_TEST(!result.value.has_value());
    BOOST_TEST(outcomes() == (std::vector<std::string>{"not_member"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(member_unknown_route)
{
    transport.route(member_url, json_response(404, R"({"message": "404: Not Found", "code": 0})"));

    auto result = client.member(context, "812345678901234567");

    BOOST_TEST(!result.not_member);
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "bad_response");
}

BOOST_AUTO_TEST_CASE(missing_scope_from_50026)
{
    transport.route(member_url,
                    json_response(403, R"({"message": "Missing Permissions", "code": 50026})"));

    auto result = client.member(context, "812345678901234567");

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "missing_scope");
    BOOST_TEST(result.error->discord_code.value_or(0) == 50026);
}

BOOST_AUTO_TEST_CASE(cloudflare_block)
{
    transport.route(user_url, {429, {{"Retry-After", "3600"}}, "error code: 1015"});

    auto result = client.current_user(context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "blocked");
    BOOST_TEST(result.error->retry_after.value_or(0) == 3600.0);

    // The block stops every later request before it is sent.
    auto member = client.member(context, "812345678901234567");
    BOOST_TEST_REQUIRE(member.error.has_value());
    BOOST_TEST(to_string(member.error->kind) == "blocked");
    BOOST_TEST(transport.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(cloudflare_block_without_retry_after)
{
    transport.route(user_url, {403, {}, "<html>Access denied</html>"});

    auto result = client.current_user(context);

    // Without Retry-After the limiter delays requests for 60 s, and the error reports that wait.
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "blocked");
    BOOST_TEST(result.error->retry_after.value_or(0) ==
               discord::rate_limiter::default_block_seconds);
}

BOOST_AUTO_TEST_CASE(token_with_space_not_sent)
{
    guildgate::access_token spaced("client test token");
    std::vector<discord::request_record> spaced_log;
    auto spaced_context = client.start(spaced, spaced_log);

    auto result = client.current_user(spaced_context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "token_invalid");
    BOOST_TEST(result.error->http_status == 0);
    BOOST_TEST(result.error->detail.find("client test token") == std::string::npos);
    BOOST_TEST(transport.requests().empty());
}

BOOST_AUTO_TEST_CASE(token_with_control_character_not_sent)
{
    guildgate::access_token broken(std::string("client-token\r\nX-Injected: 1"));
    std::vector<discord::request_record> broken_log;
    auto broken_context = client.start(broken, broken_log);

    auto result = client.member(broken_context, "812345678901234567");

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "token_invalid");
    BOOST_TEST(transport.requests().empty());
}

BOOST_AUTO_TEST_CASE(empty_token_not_sent)
{
    guildgate::access_token empty;
    std::vector<discord::request_record> empty_log;
    auto empty_context = client.start(empty, empty_log);

    auto result = client.current_user(empty_context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "token_invalid");
    BOOST_TEST(transport.requests().empty());
}

BOOST_AUTO_TEST_CASE(token_with_padding_sent)
{
    transport.route(user_url, json_response(200, user_body));
    guildgate::access_token padded("abc+/def-._~==");
    std::vector<discord::request_record> padded_log;
    auto padded_context = client.start(padded, padded_log);

    auto result = client.current_user(padded_context);

    BOOST_TEST(result.value.has_value());
    BOOST_TEST(transport.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(token_in_transport_message_masked)
{
    transport.fail_at(1, {guildgate::transport_failure::other,
                          "failed to send " + token_text + " to the peer"});

    auto result = client.current_user(context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "transport");
    BOOST_TEST(result.error->detail.find(token_text) == std::string::npos, result.error->detail);
    BOOST_TEST(result.error->detail == "other: failed to send [access token] to the peer");
}

BOOST_AUTO_TEST_CASE(token_in_redirect_location_masked)
{
    transport.route(user_url, {302, {{"Location", "https://127.0.0.1:1/?t=" + token_text +
                                                   "\r\nguildgate: forged line"}}, ""});

    auto result = client.current_user(context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "transport");
    BOOST_TEST(result.error->detail.find(token_text) == std::string::npos, result.error->detail);
    BOOST_TEST(result.error->detail.find('\n') == std::string::npos);
    BOOST_TEST(result.error->detail.find("?t=[access token]??guildgate") != std::string::npos,
               result.error->detail);
}

BOOST_AUTO_TEST_CASE(guild_page_urls)
{
    transport.route(api + "/users/@me/guilds?limit=200", json_response(200, "[]"));
    transport.route(api + "/users/@me/guilds?limit=200&after=812345678901234567",
                    json_response(200, "[]"));

    auto first = client.guilds(context, "");
    auto second = client.guilds(context, "812345678901234567");

    BOOST_TEST(first.value.has_value());
    BOOST_TEST(second.value.has_value());
    BOOST_TEST(transport.requests().at(0).url == api + "/users/@me/guilds?limit=200");
    BOOST_TEST(transport.requests().at(1).url ==
               api + "/users/@me/guilds?limit=200&after=812345678901234567");
}

BOOST_AUTO_TEST_CASE(avatar_without_bearer)
{
    std::string url = "https://cdn.discordapp.com/avatars/80351110224678912/abc.png?size=64";
    transport.route(url, {200, {{"Content-Type", "image/png"}}, png_bytes});

    auto result = client.avatar(context, url);

    BOOST_TEST_REQUIRE(result.value.has_value());
    BOOST_TEST(result.value->mime_type == "image/png");
    BOOST_TEST(result.value->bytes == png_bytes);
    http_request sent = transport.requests().at(0);
    BOOST_TEST(!sent.bearer.has_value());
    BOOST_TEST(header_of(sent, "Authorization") == "");
    BOOST_TEST(header_of(sent, "User-Agent").substr(0, 12) == "DiscordBot (");
    BOOST_TEST(log.at(0).route == "GET /avatars/80351110224678912/abc.png?size=64");
}

BOOST_AUTO_TEST_CASE(avatar_not_found)
{
    std::string url = "https://cdn.discordapp.com/embed/avatars/5.png";
    transport.route(url, {404, {}, "<html>Not Found</html>"});

    auto result = client.avatar(context, url);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "bad_response");
    BOOST_TEST(result.error->http_status == 404);
}

BOOST_AUTO_TEST_CASE(avatar_not_image)
{
    std::string url = "https://cdn.discordapp.com/embed/avatars/5.png";
    transport.route(url, {200, {{"Content-Type", "image/png"}}, "<html>hello</html>"});

    auto result = client.avatar(context, url);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "bad_response");
    BOOST_TEST(result.error->http_status == 200);
}

BOOST_AUTO_TEST_CASE(avatar_over_limit)
{
    discord::client_options options = options_with(clock);
    options.avatar_max_bytes = 8;
    discord::client<memory_transport> small(transport, options);
    std::vector<discord::request_record> small_log;
    auto small_context = small.start(token, small_log);
    std::string url = "https://cdn.discordapp.com/embed/avatars/5.png";
    transport.route(url, {200, {}, png_bytes});

    auto result = small.avatar(small_context, url);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "bad_response");
    BOOST_TEST(result.error->detail.find("16 bytes") != std::string::npos, result.error->detail);
}

BOOST_AUTO_TEST_CASE(deadline_passed)
{
    transport.route(user_url, json_response(200, user_body));
    clock->advance(client.options().evaluation_deadline);

    auto result = client.current_user(context);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "transport");
    BOOST_TEST(transport.requests().empty());
}

BOOST_AUTO_TEST_CASE(token_not_logged)
{
    transport.route(user_url, json_response(401, R"({"message": "401: Unauthorized", "code": 0})"));
    transport.route(member_url, {302, {{"Location", "https://redirect.example.test/"}}, ""});

    auto user = client.current_user(context);
    auto member = client.member(context, "812345678901234567");

    BOOST_TEST(user.error->detail.find(token_text) == std::string::npos);
    BOOST_TEST(user.error->route.find(token_text) == std::string::npos);
    BOOST_TEST(member.error->detail.find(token_text) == std::string::npos);
    for (const auto& record : log) {
        BOOST_TEST(record.route.find(token_text) == std::string::npos);
        BOOST_TEST(record.outcome.find(token_text) == std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(invalid_endpoint_rejected)
{
    discord::client_options options = options_with(clock);
    options.endpoints.api_base = "https://discord.com/api";

    BOOST_CHECK_THROW(discord::client<memory_transport>(transport, options),
                      discord::invalid_endpoint);
}

BOOST_AUTO_TEST_SUITE_END()
