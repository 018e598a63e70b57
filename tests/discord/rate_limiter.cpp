#include <guildgate/discord/rate_limiter.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace {

using namespace std::chrono_literals;
using guildgate::http_header;
using guildgate::http_response;
using guildgate::discord::classify;
using guildgate::discord::rate_limiter;

const std::string user_route = "GET /users/@me";
const std::string guilds_route = "GET /users/@me/guilds";
const std::string member_route = "GET /users/@me/guilds/{guild.id}/member";
constexpr std::size_t token_a = 1001;
constexpr std::size_t token_b = 2002;

struct limiter_fixture {
    rate_limiter limiter;
    rate_limiter::time_point start{std::chrono::hours(1)};

    void record(std::size_t token, const std::string& route, const http_response& response,
                rate_limiter::time_point at)
    {
        limiter.record(token, route, "@me", response, classify(response, false), at);
    }

    // Returns the wait in milliseconds, or -1 when the request may be sent.
    long long wait_ms(std::size_t token, const std::string& route, rate_limiter::time_point at)
    {
        auto hold = limiter.check(token, route, "@me", at);
        if (!hold)
            return -1;
        return std::chrono::duration_cast<std::chrono::milliseconds>(hold->wait).count();
    }
};

http_response ok_with(std::vector<http_header> headers)
{
    return {200, std::move(headers), "{}"};
}

http_response too_many(std::string body, std::vector<http_header> headers = {})
{
    return {429, std::move(headers), std::move(body)};
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(rate_limiter_test, limiter_fixture)

BOOST_AUTO_TEST_CASE(fresh_route_free)
{
    BOOST_TEST(wait_ms(token_a, user_route, start) == -1);
}

BOOST_AUTO_TEST_CASE(exhausted_bucket_holds)
{
    record(token_a, user_route,
           ok_with({{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset-After", "2.5"}}), start);

    BOOST_TEST(wait_ms(token_a, user_route, start) == 2500);
    BOOST_TEST(wait_ms(token_a, user_route, start + 2400ms) == 100);
    BOOST_TEST(wait_ms(token_a, user_route, start + 2500ms) == -1);
}

BOOST_AUTO_TEST_CASE(remaining_bucket_free)
{
    record(token_a, user_route,
           ok_with({{"X-RateLimit-Remaining", "1"}, {"X-RateLimit-Reset-After", "2.5"}}), start);

    BOOST_TEST(wait_ms(token_a, user_route, start) == -1);
}

BOOST_AUTO_TEST_CASE(bucket_per_token)
{
    record(token_a, user_route,
           ok_with({{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset-After", "3"}}), start);

    BOOST_TEST(wait_ms(token_a, user_route, start) == 3000);
    BOOST_TEST(wait_ms(token_b, user_route, start) == -1);
}

BOOST_AUTO_TEST_CASE(bucket_per_route)
{
    record(token_a, user_route,
           ok_with({{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset-After", "3"}}), start);

    BOOST_TEST(wait_ms(token_a, guilds_route, start) == -1);
}

BOOST_AUTO_TEST_CASE(bucket_learnt_from_header)
{
    // Two routes that Discord reports in one bucket share its state once both are known.
    record(token_a, member_route, ok_with({{"X-RateLimit-Bucket", "f3a9c0"}}), start);
    BOOST_TEST(wait_ms(token_a, member_route, start) == -1);

    record(token_a, guilds_route,
           ok_with({{"X-RateLimit-Bucket", "f3a9c0"},
                    {"X-RateLimit-Remaining", "0"},
                    {"X-RateLimit-Reset-After", "4"}}),
           start);

    BOOST_TEST(wait_ms(token_a, guilds_route, start) == 4000);
    BOOST_TEST(wait_ms(token_a, member_route, start) == 4000);
    BOOST_TEST(wait_ms(token_a, user_route, start) == -1);
}

BOOST_AUTO_TEST_CASE(route_429_holds_bucket)
{
    record(token_a, user_route, too_many(R"({"message": "m", "retry_after": 1.5, "global": false})"),
           start);

    BOOST_TEST(wait_ms(token_a, user_route, start) == 1500);
    BOOST_TEST(wait_ms(token_a, guilds_route, start) == -1);
    BOOST_TEST(wait_ms(token_b, user_route, start) == -1);
}

BOOST_AUTO_TEST_CASE(global_429_holds_token)
{
    record(token_a, user_route, too_many(R"({"message": "m", "retry_after": 10, "global": true})"),
           start);

    BOOST_TEST(wait_ms(token_a, user_route, start) == 10000);
    BOOST_TEST(wait_ms(token_a, guilds_route, start) == 10000);
    BOOST_TEST(wait_ms(token_a, member_route, start + 4s) == 6000);
    BOOST_TEST(wait_ms(token_b, user_route, start) == -1);
    BOOST_TEST(wait_ms(token_b, guilds_route, start) == -1);
    BOOST_TEST(wait_ms(token_a, guilds_route, start + 10s) == -1);
}

BOOST_AUTO_TEST_CASE(global_scope_header)
{
    record(token_a, user_route,
           too_many(R"({"message": "m", "retry_after": 2})", {{"X-RateLimit-Scope", "global"}}),
           start);

    BOOST_TEST(wait_ms(token_a, guilds_route, start) == 2000);
    BOOST_TEST(wait_ms(token_b, guilds_route, start) == -1);
}

BOOST_AUTO_TEST_CASE(blocked_holds_everything)
{
    record(token_a, user_route, too_many("error code: 1015", {{"Retry-After", "3600"}}), start);

    auto hold = limiter.check(token_b, member_route, "@me", start + 1s);

    BOOST_TEST_REQUIRE(hold.has_value());
    BOOST_TEST(hold->blocked);
    BOOST_TEST(std::chrono::duration_cast<std::chrono::seconds>(hold->wait).count() == 3599);
    BOOST_TEST(wait_ms(token_a, guilds_route, start) == 3'600'000);
    BOOST_TEST(wait_ms(token_b, user_route, start + 3600s) == -1);
}

BOOST_AUTO_TEST_CASE(blocked_default_wait)
{
    // A 403 Cloudflare page without Retry-After still blocks every request for 60 s.
    record(token_a, user_route, {403, {}, "<html>Access denied</html>"}, start);

    BOOST_TEST(wait_ms(token_b, guilds_route, start) == 60'000);
}

BOOST_AUTO_TEST_CASE(no_headers_no_state)
{
    record(token_a, user_route, ok_with({}), start);

    BOOST_TEST(limiter.size() == 0u);
    BOOST_TEST(wait_ms(token_a, user_route, start) == -1);
}

BOOST_AUTO_TEST_SUITE_END()
