#include "emulator/fixture_loader.hpp"

#define BOOST_TEST_MODULE emulator_fixture
#include <boost/test/unit_test.hpp>

#include "emulator/test_paths.hpp"

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

using namespace guildgate::testing;

namespace {

// A fixtures directory with one discord/<name> file, removed by the destructor.
struct temporary_fixtures {
    std::filesystem::path root = std::filesystem::temp_directory_path()
                                 / ("guildgate-fixture-test-" + std::to_string(::getpid()));

    explicit temporary_fixtures(const std::string& name, const std::string& content)
    {
        std::filesystem::create_directories(root / "discord");
        std::ofstream(root / "discord" / name) << content;
    }

    ~temporary_fixtures() { std::filesystem::remove_all(root); }
};

std::string error_of(const std::string& name, const std::string& content)
{
    temporary_fixtures fixtures(name, content);
    try {
        load_fixtures(fixtures.root);
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "";
}

} // namespace

BOOST_AUTO_TEST_SUITE(fixture)

BOOST_AUTO_TEST_CASE(bundled_fixtures_load)
{
    auto fixtures = load_fixtures(test_fixtures_dir());

    for (const char* token : {"tok-member-role", "tok-member-norole", "tok-nonmember",
                              "tok-animated", "tok-many-guilds", "tok-pending", "tok-timeout",
                              "tok-revoked", "tok-ratelimited", "tok-discord-down"})
        BOOST_TEST(fixtures.accounts.contains(token), token);
}

BOOST_AUTO_TEST_CASE(many_guilds_target_on_second_page)
{
    auto fixtures = load_fixtures(test_fixtures_dir());
    const auto& guilds = fixtures.accounts.at("tok-many-guilds").guilds;

    BOOST_TEST_REQUIRE(guilds.size() == 250u);
    BOOST_TEST(guilds[249].at("id").as_string() == "812345678901234567");
}

BOOST_AUTO_TEST_CASE(member_gets_user)
{
    auto fixtures = load_fixtures(test_fixtures_dir());
    const auto& member = fixtures.accounts.at("tok-member-role").members.at("812345678901234567");

    BOOST_TEST(member.at("user").at("username").as_string() == "ada");
}

BOOST_AUTO_TEST_CASE(fault_fields_parsed)
{
    auto parsed = parse_fault(boost::json::parse(R"({
        "path_prefix": "/api/v10/", "action": "truncate", "status": 503, "body": {"a": 1},
        "content_type": "text/plain", "headers": {"Retry-After": "5"}, "delay_ms": 20,
        "discord_headers": false, "times": 2})"),
                              "test");

    BOOST_TEST(parsed.path_prefix == "/api/v10/");
    BOOST_TEST((parsed.action == fault_action::truncate));
    BOOST_TEST(parsed.status == 503);
    BOOST_TEST(parsed.body == R"({"a":1})");
    BOOST_TEST(parsed.content_type == "text/plain");
    BOOST_TEST_REQUIRE(parsed.headers.size() == 1u);
    BOOST_TEST(parsed.headers[0].first == "Retry-After");
    BOOST_TEST(parsed.delay.count() == 20);
    BOOST_TEST(!parsed.discord_headers);
    BOOST_TEST_REQUIRE(parsed.times.has_value());
    BOOST_TEST(*parsed.times == 2);
}

BOOST_AUTO_TEST_CASE(fault_path_matching)
{
    fault exact;
    exact.path = "/api/v10/users/@me";
    fault prefix;
    prefix.path_prefix = "/api/v10/users/@me/guilds";

    BOOST_TEST(exact.matches("/api/v10/users/@me"));
    BOOST_TEST(!exact.matches("/api/v10/users/@me/guilds"));
    BOOST_TEST(prefix.matches("/api/v10/users/@me/guilds/1/member"));
    BOOST_TEST(!prefix.matches("/api/v10/users/@me"));
    BOOST_TEST(fault{}.matches("/anything"));
}

BOOST_AUTO_TEST_CASE(generated_guilds_sorted)
{
    auto parsed = parse_account(boost::json::parse(R"({
        "user": {"id": "1"}, "guilds": [{"id": "900"}, {"id": "5"}],
        "generated_guilds": {"count": 3, "first_id": "100", "id_step": 10}})"),
                                "test");

    BOOST_TEST_REQUIRE(parsed.guilds.size() == 5u);
    BOOST_TEST(parsed.guilds[0].at("id").as_string() == "5");
    BOOST_TEST(parsed.guilds[1].at("id").as_string() == "100");
    BOOST_TEST(parsed.guilds[3].at("id").as_string() == "120");
    BOOST_TEST(parsed.guilds[4].at("id").as_string() == "900");
}

BOOST_AUTO_TEST_CASE(invalid_json_names_file)
{
    auto message = error_of("tok-broken.json", "{\"user\": ");

    BOOST_TEST(message.find("tok-broken.json") != std::string::npos, message);
    BOOST_TEST(message.find("not valid JSON") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(unknown_action_rejected)
{
    auto message = error_of("tok-x.json",
                            R"({"user": {"id": "1"}, "faults": [{"action": "explode"}]})");

    BOOST_TEST(message.find("explode") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(redirect_needs_location)
{
    auto message = error_of("tok-x.json",
                            R"({"user": {"id": "1"}, "faults": [{"action": "redirect"}]})");

    BOOST_TEST(message.find("location") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(user_required)
{
    auto message = error_of("tok-x.json", R"({"guilds": []})");

    BOOST_TEST(message.find("\"user\"") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(bad_guild_id_rejected)
{
    auto message = error_of("tok-x.json", R"({"user": {"id": "1"}, "guilds": [{"id": "x1"}]})");

    BOOST_TEST(message.find("x1") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(missing_directory_rejected)
{
    BOOST_CHECK_THROW(load_fixtures("/nonexistent/guildgate-fixtures"), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
