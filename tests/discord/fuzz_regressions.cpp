#include <guildgate/discord/classify.hpp>

#include <guildgate/core/clock.hpp>
#include <guildgate/discord/rate_limiter.hpp>
#include <guildgate/transport/http.hpp>

// login_gate's configuration parser is part of the example, not of the library include path.
#include "../../examples/login_gate_config.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <string_view>

// Inputs that the libFuzzer targets in tests/fuzz found failing, as unit tests. The same bytes
// are kept as files under tests/fuzz/regressions/<target>/.

namespace {

using guildgate::http_response;
using guildgate::discord::classify;
using guildgate::discord::response_class;

// Returns the message of the config_error that parse_config() throws for `text`, or empty.
std::string config_error_message(const std::string& text)
{
    try {
        login_gate::parse_config(text);
    } catch (const login_gate::config_error& e) {
        return e.what();
    }
    return {};
}

bool has_control_character(std::string_view text)
{
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            return true;
    }
    return false;
}

http_response rate_limited(std::string body, std::string retry_after_header = {})
{
    http_response response{429, {}, std::move(body)};
    if (!retry_after_header.empty())
        response.headers.push_back({"Retry-After", std::move(retry_after_header)});
    return response;
}

} // namespace

BOOST_AUTO_TEST_SUITE(fuzz_regressions_classify)

// fuzz_classify/retry_after_too_large: 1e40 s would overflow rate_limiter's nanoseconds.
BOOST_AUTO_TEST_CASE(classify_retry_after_too_large)
{
    auto meaning = classify(rate_limited(R"({"retry_after":1e40})"), true);

    BOOST_TEST((meaning.kind == response_class::rate_limited));
    BOOST_TEST(!meaning.retry_after.has_value());
}

// fuzz_classify/retry_after_infinite: Boost.JSON reads 1e400 as infinity.
BOOST_AUTO_TEST_CASE(classify_retry_after_infinite)
{
    auto meaning = classify(rate_limited(R"({"retry_after":1e400})"), false);

    BOOST_TEST((meaning.kind == response_class::rate_limited));
    BOOST_TEST(!meaning.retry_after.has_value());
}

// fuzz_classify/retry_after_negative
BOOST_AUTO_TEST_CASE(classify_retry_after_negative)
{
    auto meaning = classify(rate_limited(R"({"retry_after":-5})"), false);

    BOOST_TEST((meaning.kind == response_class::rate_limited));
    BOOST_TEST(!meaning.retry_after.has_value());
}

BOOST_AUTO_TEST_CASE(classify_invalid_body_wait_uses_header)
{
    auto meaning = classify(rate_limited(R"({"retry_after":1e400})", "65"), false);

    BOOST_TEST_REQUIRE(meaning.retry_after.has_value());
    BOOST_TEST(*meaning.retry_after == 65.0);
}

BOOST_AUTO_TEST_CASE(classify_max_body_wait_kept)
{
    auto meaning = classify(rate_limited(R"({"retry_after":1e9})"), false);

    BOOST_TEST_REQUIRE(meaning.retry_after.has_value());
    BOOST_TEST(*meaning.retry_after == 1e9);
}

// Before the fix, recording the 1e40 s wait converted it to nanoseconds with undefined behavior.
BOOST_AUTO_TEST_CASE(rate_limiter_too_large_wait)
{
    using namespace std::chrono_literals;
    const guildgate::clock_source::time_point now{1h};
    auto response = rate_limited(R"({"retry_after":1e40})");
    auto meaning = classify(response, false);

    guildgate::discord::rate_limiter limiter;
    limiter.record(1, "GET /users/@me", "", response, meaning, now);
    auto hold = limiter.check(1, "GET /users/@me", "", now);

    // With no valid wait, the limiter falls back to its one-second default.
    BOOST_TEST_REQUIRE(hold.has_value());
    BOOST_TEST(hold->wait.count() > 0);
    BOOST_TEST(hold->wait <= 1s);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(fuzz_regressions_login_gate_config)

// fuzz_login_gate_input/nul_in_unknown_key: the NUL ended what() before any text.
BOOST_AUTO_TEST_CASE(config_nul_in_unknown_key)
{
    std::string message = config_error_message(R"({"\u0000":0})");

    BOOST_TEST(message == "\\u0000: unknown key; expected guild, role, role_groups or avatar_size");
}

// fuzz_login_gate_input/newline_in_role_group_key
BOOST_AUTO_TEST_CASE(config_newline_in_role_group_key)
{
    std::string message = config_error_message(
        R"({"guild": {"id": "1", "name": "G"}, "role_groups": {"12\n3": "x"}})");

    BOOST_TEST(message.find("role_groups.12\\u000a3") == 0u, "message: " << message);
    BOOST_TEST(!has_control_character(message));
}

// fuzz_login_gate_input/escape_in_guild_id
BOOST_AUTO_TEST_CASE(config_escape_in_guild_id)
{
    std::string message =
        config_error_message(R"({"guild": {"id": "1\u001b[2J", "name": "G"}})");

    BOOST_TEST(message.find("\"1\\u001b[2J\"") != std::string::npos, "message: " << message);
    BOOST_TEST(!has_control_character(message));
}

BOOST_AUTO_TEST_CASE(config_unknown_key_in_guild)
{
    std::string message =
        config_error_message(R"({"guild": {"id": "1", "name": "G", "\u0007": 1}})");

    BOOST_TEST(message.find("guild.\\u0007: unknown key") == 0u, "message: " << message);
    BOOST_TEST(!has_control_character(message));
}

BOOST_AUTO_TEST_SUITE_END()
