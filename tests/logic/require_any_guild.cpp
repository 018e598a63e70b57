#include <guildgate/rules/require_any_guild.hpp>

#include <boost/test/unit_test.hpp>

#include "logic/logic_fixture.hpp"

#include <stdexcept>
#include <string>

namespace {

namespace gg = guildgate;
using namespace gg::testing;

const std::string in_none_message = "User is not a member of any of the required guilds.";

// Guild IDs that sort before the required ones, as Discord pages by ascending ID.
const std::string first_page_id = "100000000000000001";
const std::string second_page_id = "100000000000000002";

const auto other_or_third = gg::require_any_guild({other_guild, third_guild});

} // namespace

BOOST_FIXTURE_TEST_SUITE(require_any_guild_test, login_fixture)

// Both required guilds are on the first page, so no further page is read.
BOOST_AUTO_TEST_CASE(first_page_allow)
{
    transport.route(guilds_url,
                    json_response(200, guild_list({first_page_id, other_guild_id, third_guild_id})));

    auto result = run(other_or_third);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(requests_to(guilds_url) == 1u);
    BOOST_TEST(transport.requests().size() == 1u);
    BOOST_TEST(transport.count(api + "/users/@me/guilds/") == 0u);
}

// One required guild is on the second page and the other on none, so the list is read until
// an empty page.
BOOST_AUTO_TEST_CASE(second_page_allow)
{
    transport.route(guilds_url, json_response(200, guild_list({first_page_id})));
    transport.route(guilds_page_url(first_page_id),
                    json_response(200, guild_list({second_page_id, other_guild_id})));
    transport.route(guilds_page_url(other_guild_id), json_response(200, "[]"));

    auto result = run(other_or_third);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(requests_to(guilds_url) == 1u);
    BOOST_TEST(requests_to(guilds_page_url(first_page_id)) == 1u);
    BOOST_TEST(requests_to(guilds_page_url(other_guild_id)) == 1u);
}

BOOST_AUTO_TEST_CASE(no_listed_guild_deny)
{
    transport.route(guilds_url, json_response(200, guild_list({first_page_id})));
    transport.route(guilds_page_url(first_page_id), json_response(200, "[]"));

    auto result = run(other_or_third);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(in_none_message), boost::test_tools::per_element());
    BOOST_TEST(requests_to(guilds_page_url(first_page_id)) == 1u);
}

BOOST_AUTO_TEST_CASE(empty_list_deny)
{
    transport.route(guilds_url, json_response(200, "[]"));

    auto result = run(other_or_third);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(requests_to(guilds_url) == 1u);
}

BOOST_AUTO_TEST_CASE(guild_list_error)
{
    transport.route(guilds_url, unavailable());

    auto result = run(other_or_third);

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "discord_unavailable");
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(empty_guild_list_throws)
{
    BOOST_CHECK_THROW(gg::require_any_guild({}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(needs_guilds_scope)
{
    static_assert(gg::require_any_guild_rule::scopes == gg::scope_set{gg::scope::guilds});
    BOOST_TEST(gg::scope_string(other_or_third) == "identify guilds");
}

BOOST_AUTO_TEST_SUITE_END()
