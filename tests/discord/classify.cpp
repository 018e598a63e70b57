#include <guildgate/discord/classify.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace {

using guildgate::http_header;
using guildgate::http_response;
using guildgate::discord::classify;
using guildgate::discord::response_class;

const char* name_of(response_class kind)
{
    switch (kind) {
    case response_class::ok: return "ok";
    case response_class::not_member: return "not_member";
    case response_class::token_invalid: return "token_invalid";
    case response_class::missing_scope: return "missing_scope";
    case response_class::rate_limited: return "rate_limited";
    case response_class::blocked: return "blocked";
    case response_class::server_error: return "server_error";
    case response_class::redirect: return "redirect";
    case response_class::unexpected: return "unexpected";
    }
    return "?";
}

http_response make_response(int status, std::string body, std::vector<http_header> headers = {})
{
    return {status, std::move(headers), std::move(body)};
}

const std::string cloudflare_page =
    "<!DOCTYPE html><html><head><title>Access denied | discord.com used Cloudflare</title>"
    "</head><body>Error 1015</body></html>";

// One row of the classification table.
struct row {
    std::string name;
    http_response response;
    bool member_route;
    response_class expected;
    std::optional<std::int64_t> code;  // the JSON code that classify keeps, if any
    std::optional<double> retry_after; // seconds
};

std::vector<row> table()
{
    return {
        {"200", make_response(200, R"({"id": "1"})"), false, response_class::ok, {}, {}},
        {"204", make_response(204, ""), false, response_class::ok, {}, {}},
        {"302", make_response(302, "", {{"Location", "https://example.test/"}}), false,
         response_class::redirect, {}, {}},
        {"401 code 0", make_response(401, R"({"message": "401: Unauthorized", "code": 0})"),
         false, response_class::token_invalid, 0, {}},
        {"401 code 50014", make_response(401, R"({"message": "Invalid authentication token",
         "code": 50014})"), false, response_class::token_invalid, 50014, {}},
        {"401 code 50025", make_response(401, R"({"message": "Invalid OAuth2 access token",
         "code": 50025})"), false, response_class::token_invalid, 50025, {}},
        {"401 empty", make_response(401, ""), false, response_class::token_invalid, {}, {}},
        {"403 code 50026", make_response(403, R"({"message": "Missing Permissions",
         "code": 50026})"), true, response_class::missing_scope, 50026, {}},
        {"403 code 50001", make_response(403, R"({"message": "Missing Access", "code": 50001})"),
         false, response_class::unexpected, 50001, {}},
        {"403 html", make_response(403, cloudflare_page), false, response_class::blocked, {}, {}},
        {"404 10004 member", make_response(404, R"({"message": "Unknown Guild", "code": 10004})"),
         true, response_class::not_member, 10004, {}},
        {"404 10004 guilds", make_response(404, R"({"message": "Unknown Guild", "code": 10004})"),
         false, response_class::unexpected, 10004, {}},
        {"404 code 0 member", make_response(404, R"({"message": "404: Not Found", "code": 0})"),
         true, response_class::unexpected, 0, {}},
        {"404 html member", make_response(404, "<html>Not Found</html>"), true,
         response_class::unexpected, {}, {}},
        {"429 json", make_response(429, R"({"message": "You are being rate limited.",
         "retry_after": 64.57, "global": false})", {{"Retry-After", "65"}}), false,
         response_class::rate_limited, {}, 64.57},
        {"429 json header only", make_response(429, R"({"message": "You are being rate limited."})",
         {{"Retry-After", "5"}}), false, response_class::rate_limited, {}, 5.0},
        {"429 cloudflare", make_response(429, "error code: 1015", {{"Retry-After", "3600"}}),
         false, response_class::blocked, {}, 3600.0},
        {"500", make_response(500, R"({"message": "500: Internal Server Error", "code": 0})"),
         false, response_class::server_error, 0, {}},
        {"502", make_response(502, "<html>Bad Gateway</html>"), false,
         response_class::server_error, {}, {}},
        {"503", make_response(503, ""), false, response_class::server_error, {}, {}},
        {"504", make_response(504, "upstream timed out"), true, response_class::server_error, {},
         {}},
        {"418", make_response(418, R"({"message": "I'm a teapot", "code": 0})"), false,
         response_class::unexpected, 0, {}},
        {"400", make_response(400, R"({"message": "Invalid Form Body", "code": 50035})"), false,
         response_class::unexpected, 50035, {}},
    };
}

} // namespace

BOOST_AUTO_TEST_SUITE(classify_test)

BOOST_AUTO_TEST_CASE(table_rows)
{
    for (const row& entry : table()) {
        BOOST_TEST_CONTEXT("row " << entry.name)
        {
            auto result = classify(entry.response, entry.member_route);

            BOOST_TEST(name_of(result.kind) == name_of(entry.expected));
            BOOST_TEST(result.status == entry.response.status);
            BOOST_TEST(result.discord_code.has_value() == entry.code.has_value());
            if (entry.code && result.discord_code)
                BOOST_TEST(*result.discord_code == *entry.code);
            BOOST_TEST(result.retry_after.has_value() == entry.retry_after.has_value());
            if (entry.retry_after && result.retry_after) {
                BOOST_TEST(std::abs(*result.retry_after - *entry.retry_after) < 1e-9,
                           "retry_after " << *result.retry_after);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(body_wait_beats_header)
{
    auto result = classify(make_response(429, R"({"message": "m", "retry_after": 64.57})",
                                         {{"Retry-After", "65"}}),
                           false);

    BOOST_TEST_REQUIRE(result.retry_after.has_value());
    BOOST_TEST(*result.retry_after < 65.0);
    BOOST_TEST(std::abs(*result.retry_after - 64.57) < 1e-9);
}

BOOST_AUTO_TEST_CASE(blocked_without_header)
{
    auto result = classify(make_response(429, "error code: 1015"), false);

    BOOST_TEST(name_of(result.kind) == "blocked");
    BOOST_TEST(!result.retry_after.has_value());
}

BOOST_AUTO_TEST_CASE(global_from_body)
{
    auto result = classify(
        make_response(429, R"({"message": "m", "retry_after": 1.2, "global": true})"), false);

    BOOST_TEST(result.global);
}

BOOST_AUTO_TEST_CASE(global_from_header)
{
    auto result = classify(make_response(429, R"({"message": "m", "retry_after": 1.2})",
                                         {{"X-RateLimit-Global", "true"},
                                          {"X-RateLimit-Scope", "global"}}),
                           false);

    BOOST_TEST(result.global);
    BOOST_TEST(result.scope == "global");
}

BOOST_AUTO_TEST_CASE(user_scope_not_global)
{
    auto result = classify(make_response(429, R"({"message": "m", "retry_after": 1.2})",
                                         {{"x-ratelimit-scope", "user"}}),
                           false);

    BOOST_TEST(!result.global);
    BOOST_TEST(result.scope == "user");
}

BOOST_AUTO_TEST_CASE(retry_after_header_invalid)
{
    auto result = classify(make_response(429, "error code: 1015", {{"Retry-After", "soon"}}),
                           false);

    BOOST_TEST(name_of(result.kind) == "blocked");
    BOOST_TEST(!result.retry_after.has_value());
}

BOOST_AUTO_TEST_CASE(parse_seconds_values)
{
    using guildgate::discord::detail::parse_seconds;

    BOOST_TEST(parse_seconds("65").value() == 65.0);
    BOOST_TEST(parse_seconds(" 3600 ").value() == 3600.0);
    BOOST_TEST(std::abs(parse_seconds("64.57").value() - 64.57) < 1e-9);
    BOOST_TEST(!parse_seconds("-1").has_value());
    BOOST_TEST(!parse_seconds("").has_value());
    BOOST_TEST(!parse_seconds("1s").has_value());
    BOOST_TEST(!parse_seconds("nan").has_value());
    BOOST_TEST(!parse_seconds("1e10").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
