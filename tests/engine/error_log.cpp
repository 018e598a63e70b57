#include <guildgate/engine/error_log.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace std::chrono_literals;
using guildgate::error_kind;
using guildgate::error_log;
using guildgate::manual_clock;
using guildgate::discord::api_error;

api_error member_error(error_kind kind, int status)
{
    return {kind, status, 10004, "GET /users/@me/guilds/812345678901234567/member", std::nullopt,
            "the detail"};
}

struct log_fixture {
    std::vector<std::string> lines;
    std::shared_ptr<manual_clock> clock = std::make_shared<manual_clock>();
    error_log log{[this](std::string_view line) { lines.emplace_back(line); }, 60s, clock};
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(error_log_test, log_fixture)

BOOST_AUTO_TEST_CASE(first_error_logged_at_once)
{
    log.record(member_error(error_kind::discord_unavailable, 503));

    BOOST_TEST_REQUIRE(lines.size() == 1u);
    BOOST_TEST(lines[0] ==
               "guildgate: Discord error kind=discord_unavailable status=503 code=10004 "
               "route=\"GET /users/@me/guilds/812345678901234567/member\": the detail");
}

BOOST_AUTO_TEST_CASE(repeats_counted_not_logged)
{
    for (int i = 0; i < 5; ++i)
        log.record(member_error(error_kind::discord_unavailable, 503));

    BOOST_TEST(lines.size() == 1u);
}

BOOST_AUTO_TEST_CASE(repeats_logged_after_interval)
{
    log.record(member_error(error_kind::discord_unavailable, 503));
    log.record(member_error(error_kind::discord_unavailable, 503));
    clock->advance(61s);
    log.record(member_error(error_kind::discord_unavailable, 503));

    BOOST_TEST_REQUIRE(lines.size() == 2u);
    BOOST_TEST(lines[1].find("(repeated 2 times in 61 s)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(flush_writes_counts)
{
    log.record(member_error(error_kind::rate_limited, 429));
    log.record(member_error(error_kind::rate_limited, 429));
    log.record(member_error(error_kind::rate_limited, 429));
    clock->advance(5s);
    log.flush();

    BOOST_TEST_REQUIRE(lines.size() == 2u);
    BOOST_TEST(lines[1].find("kind=rate_limited") != std::string::npos);
    BOOST_TEST(lines[1].find("(repeated 2 times in 5 s)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(different_status_logged_apart)
{
    log.record(member_error(error_kind::discord_unavailable, 502));
    log.record(member_error(error_kind::discord_unavailable, 503));

    BOOST_TEST(lines.size() == 2u);
}

BOOST_AUTO_TEST_CASE(storage_error_not_called_discord)
{
    log.record({error_kind::storage, 0, std::nullopt, "", std::nullopt, "disk I/O error"});

    BOOST_TEST_REQUIRE(lines.size() == 1u);
    BOOST_TEST(lines[0] ==
               "guildgate: storage error kind=storage status=0 code=none route=\"\": "
               "disk I/O error");
}

BOOST_AUTO_TEST_CASE(line_break_does_not_split_line)
{
    log.record({error_kind::transport, 302, std::nullopt, "GET /users/@me", std::nullopt,
                "redirect to \"x\nguildgate: forged\" not followed"});

    BOOST_TEST_REQUIRE(lines.size() == 1u);
    BOOST_TEST(lines[0].find('\n') == std::string::npos);
    BOOST_TEST(lines[0].find("x?guildgate: forged") != std::string::npos, lines[0]);
}

BOOST_AUTO_TEST_SUITE_END()
