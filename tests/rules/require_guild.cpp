#include <guildgate/rules/require_guild.hpp>

#include <boost/test/unit_test.hpp>

#include "rules/login_fixture.hpp"

#include <string>
#include <vector>

namespace {

namespace gg = guildgate;
using namespace gg::testing;
using gg::scope;

const auto in_guild = gg::require_guild(guild, "Example Guild");
const gg::scope_set member_mode = scope::identify | scope::guilds_members_read;

// A guild list without the Example Guild: one page, then an empty one.
void route_other_guilds(login_fixture& fixture)
{
    fixture.transport.route(guilds_url, json_response(200, guild_list({"900000000000000009"})));
    fixture.transport.route(guilds_page_url("900000000000000009"), json_response(200, "[]"));
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(require_guild_test, login_fixture)

BOOST_AUTO_TEST_CASE(list_allow)
{
    transport.route(guilds_url, json_response(200, guild_list({"900000000000000009", guild_id})));

    auto result = run(in_guild);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(result.messages.empty());
    BOOST_TEST(transport.count(api + "/users/@me/guilds?") == 1u);
    BOOST_TEST(transport.count(member_url) == 0u);
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(list_deny)
{
    route_other_guilds(*this);

    auto result = run(in_guild);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == std::vector<std::string>{"User is not a member of Example Guild."},
               boost::test_tools::per_element());
    BOOST_TEST(!result.error.has_value());
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(list_deny_message)
{
    route_other_guilds(*this);

    auto result = run(in_guild.deny_message("Join the Example Guild Discord server first."));

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages ==
                   std::vector<std::string>{"Join the Example Guild Discord server first."},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(member_allow)
{
    route_member({});

    auto result = run_with_scopes(in_guild, member_mode);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(transport.count(member_url) == 1u);
    BOOST_TEST(transport.count(api + "/users/@me/guilds?") == 0u);
}

BOOST_AUTO_TEST_CASE(member_deny)
{
    route_not_member();

    auto result = run_with_scopes(in_guild, member_mode);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == std::vector<std::string>{"User is not a member of Example Guild."},
               boost::test_tools::per_element());
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(member_deny_message)
{
    route_not_member();

    auto result = run_with_scopes(in_guild.deny_message("Members only."), member_mode);

    BOOST_TEST(result.messages == std::vector<std::string>{"Members only."},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(list_errors)
{
    check_failures(in_guild, guilds_url, R"({"id": "812345678901234567", "name": "Example"})", {});
}

BOOST_AUTO_TEST_CASE(list_page_two_errors)
{
    // A failure on a later page is an error too, never a deny.
    check_failures(in_guild, guilds_page_url("900000000000000009"), R"({"guilds": []})",
                   [](login_fixture& fixture) {
                       fixture.transport.route(
                           guilds_url, json_response(200, guild_list({"900000000000000009"})));
                   },
                   2);
}

BOOST_AUTO_TEST_CASE(member_errors)
{
    check_failures(in_guild, member_url, R"({"roles": 823456789012345678})", {}, 1, member_mode);
}

BOOST_AUTO_TEST_CASE(list_missing_scope)
{
    login.granted_scopes = gg::parse_scopes("identify email");
    transport.route(guilds_url, json_response(200, guild_list({guild_id})));

    auto result = run(in_guild);

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "missing_scope");
    BOOST_TEST(result.error->detail == "missing scope: guilds");
    BOOST_TEST(transport.requests().empty());
}

BOOST_AUTO_TEST_CASE(member_missing_scope)
{
    login.granted_scopes = gg::parse_scopes("identify guilds");
    route_member({});

    auto result = run_with_scopes(in_guild, member_mode);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "missing_scope");
    BOOST_TEST(result.error->detail == "missing scope: guilds.members.read");
    BOOST_TEST(transport.requests().empty());
}

BOOST_AUTO_TEST_CASE(granted_scopes_enough)
{
    login.granted_scopes = gg::parse_scopes("guilds identify");
    transport.route(guilds_url, json_response(200, guild_list({guild_id})));

    auto result = run(in_guild);

    BOOST_TEST(to_string(result.verdict) == "allow");
}

BOOST_AUTO_TEST_CASE(configured_id_checked)
{
    BOOST_CHECK_THROW(gg::require_guild("81234567890123456x", "Example Guild"),
                      gg::invalid_snowflake);
    BOOST_TEST(gg::require_guild("812345678901234567", "Example Guild").guild_id() == guild_id);
}

BOOST_AUTO_TEST_SUITE_END()
