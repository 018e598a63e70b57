#include <guildgate/rules/require_role.hpp>

#include <boost/test/unit_test.hpp>

#include "rules/login_fixture.hpp"

#include <string>
#include <vector>

namespace {

namespace gg = guildgate;
using namespace gg::testing;

const auto has_role = gg::require_role(guild, members_role, "Members", "Example Guild");
const auto any_member = gg::require_role(guild, guild, "@everyone", "Example Guild");

const std::string lacks_role_message =
    "User is not a member of the Members role in Example Guild.";
const std::string not_member_message = "User is not a member of Example Guild.";

std::vector<std::string> one(std::string message)
{
    return {std::move(message)};
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(require_role_test, login_fixture)

BOOST_AUTO_TEST_CASE(holds_role_allow)
{
    route_member({mods_role.to_string(), members_role.to_string()});

    auto result = run(has_role);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(result.messages.empty());
    BOOST_TEST(transport.count(member_url) == 1u);
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(lacks_role_deny)
{
    route_member({mods_role.to_string()});

    auto result = run(has_role);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(lacks_role_message), boost::test_tools::per_element());
    BOOST_TEST(!result.error.has_value());
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(not_member_deny)
{
    route_not_member();

    auto result = run(has_role);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(not_member_message), boost::test_tools::per_element());
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(lacks_role_deny_message)
{
    route_member({});

    auto result = run(has_role.deny_message("Ask a moderator for the Members role."));

    BOOST_TEST(result.messages == one("Ask a moderator for the Members role."),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(not_member_deny_message)
{
    route_not_member();

    auto result = run(has_role.deny_message("Ask a moderator for the Members role."));

    BOOST_TEST(result.messages == one("Ask a moderator for the Members role."),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(everyone_any_member)
{
    // Discord never lists @everyone in `roles`, because its ID is the guild's.
    route_member({});

    auto result = run(any_member);

    BOOST_TEST(to_string(result.verdict) == "allow");
}

BOOST_AUTO_TEST_CASE(everyone_not_member)
{
    route_not_member();

    auto result = run(any_member);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(not_member_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(member_errors)
{
    check_failures(has_role, member_url, R"({"roles": ["823456789012345678", 5]})", {});
}

BOOST_AUTO_TEST_CASE(missing_scope_no_request)
{
    login.granted_scopes = gg::parse_scopes("identify guilds");
    route_member({members_role.to_string()});

    auto result = run(has_role);

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "missing_scope");
    BOOST_TEST(result.error->detail == "missing scope: guilds.members.read");
    BOOST_TEST(result.messages ==
                   one("Discord did not grant the guilds.members.read permission; log in again "
                       "and allow it."),
               boost::test_tools::per_element());
    BOOST_TEST(transport.requests().empty());
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(pending_counts_by_default)
{
    transport.route(member_url, json_response(200, R"({"roles": ["823456789012345678"],
                                                        "pending": true})"));

    auto result = run(has_role);

    BOOST_TEST(to_string(result.verdict) == "allow");
}

BOOST_AUTO_TEST_CASE(pending_denied_when_required)
{
    transport.route(member_url, json_response(200, R"({"roles": ["823456789012345678"],
                                                        "pending": true})"));

    auto result = run(has_role.with({.deny_pending = true}));

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(lacks_role_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(timed_out_denied_when_required)
{
    transport.route(member_url, json_response(200, R"({"roles": ["823456789012345678"],
        "communication_disabled_until": "2999-01-01T00:00:00.000000+00:00"})"));

    auto result = run(has_role.with({.deny_timed_out = true}));

    BOOST_TEST(to_string(result.verdict) == "deny");
}

BOOST_AUTO_TEST_CASE(past_timeout_allowed)
{
    transport.route(member_url, json_response(200, R"({"roles": ["823456789012345678"],
        "communication_disabled_until": "2001-01-01T00:00:00Z"})"));

    auto result = run(has_role.with({.deny_timed_out = true}));

    BOOST_TEST(to_string(result.verdict) == "allow");
}

BOOST_AUTO_TEST_CASE(bad_timeout_is_error)
{
    transport.route(member_url, json_response(200, R"({"roles": ["823456789012345678"],
        "communication_disabled_until": "tomorrow"})"));

    auto result = run(has_role.with({.deny_timed_out = true}));

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "bad_response");
    BOOST_TEST(events_named(result, "discord_error").size() == 1u);
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(negative_year_timeout_is_error)
{
    transport.route(member_url, json_response(200, R"({"roles": ["823456789012345678"],
        "communication_disabled_until": "-999-01-01T00:00:00Z"})"));

    auto result = run(has_role.with({.deny_timed_out = true}));

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(configured_ids_checked)
{
    BOOST_CHECK_THROW(gg::require_role("812345678901234567", "Members", "Members"),
                      gg::invalid_snowflake);
    BOOST_CHECK_THROW(gg::require_role("", "823456789012345678", "Members"),
                      gg::invalid_snowflake);
}

BOOST_AUTO_TEST_SUITE_END()
