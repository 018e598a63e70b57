#include <guildgate/engine/session.hpp>

#include <boost/test/unit_test.hpp>

#include "rules/login_fixture.hpp"

#include <guildgate/rules/require_guild.hpp>

#include <string>

namespace {

namespace gg = guildgate;
using namespace gg::testing;
using gg::scope;

const auto in_guild = gg::require_guild(guild, "Example Guild");

// Page 1 of a guild list without the Example Guild, its IDs out of order: the largest,
// 900000000000000009, is in the middle, so `after` must be the maximum and not the last ID.
const std::string page_one =
    guild_list({"300000000000000003", "900000000000000009", "500000000000000005"});
const std::string page_two_url = guilds_page_url("900000000000000009");

} // namespace

BOOST_FIXTURE_TEST_SUITE(session_test, login_fixture)

BOOST_AUTO_TEST_CASE(guild_on_page_two)
{
    transport.route(guilds_url, json_response(200, page_one));
    transport.route(page_two_url, json_response(200, guild_list({"950000000000000000", guild_id})));

    auto result = run(in_guild);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST_REQUIRE(transport.requests().size() == 2u);
    BOOST_TEST(transport.requests()[0].url == guilds_url);
    BOOST_TEST(transport.requests()[1].url == page_two_url);
}

BOOST_AUTO_TEST_CASE(empty_page_two_denies)
{
    // Page 1 is short (3 of 200), which does not end the list: only an empty page does.
    transport.route(guilds_url, json_response(200, page_one));
    transport.route(page_two_url, json_response(200, "[]"));

    auto result = run(in_guild);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(!result.error.has_value());
    BOOST_TEST(transport.requests().size() == 2u);
}

BOOST_AUTO_TEST_CASE(empty_first_page_denies)
{
    transport.route(guilds_url, json_response(200, "[]"));

    auto result = run(in_guild);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(transport.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(page_cap_is_error)
{
    // Five pages (the default cap) of one guild each, none the Example Guild.
    std::string after;
    for (int page = 1; page <= 6; ++page) {
        std::string id = std::to_string(page) + "00000000000000000";
        transport.route(after.empty() ? guilds_url : guilds_page_url(after),
                        json_response(200, guild_list({id})));
        after = id;
    }

    auto result = run(in_guild);

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "bad_response");
    BOOST_TEST(result.error->detail.find("guild_page_cap") != std::string::npos,
               result.error->detail);
    BOOST_TEST(transport.requests().size() == 5u);
    BOOST_TEST(events_named(result, "discord_error").size() == 1u);
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(page_cap_option)
{
    login_fixture capped([](gg::discord::client_options& options) {
        options.guild_page_cap = 1;
    });
    capped.transport.route(guilds_url, json_response(200, page_one));
    capped.transport.route(page_two_url, json_response(200, guild_list({guild_id})));

    auto result = capped.run(in_guild);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "bad_response");
    BOOST_TEST(capped.transport.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(list_shared_by_rules)
{
    transport.route(guilds_url, json_response(200, guild_list({"900000000000000009", guild_id})));

    auto result = run(in_guild >> gg::require_guild("900000000000000009"_snowflake, "Other"));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(transport.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(member_fetched_once)
{
    route_member({});
    gg::session fetches(client, login, scope::identify |
                                                                 scope::guilds_members_read);
    gg::fetch_plan plan;
    plan.need_member(guild_id);

    auto first = fetches.fetch(plan);
    auto second = fetches.fetch(plan);

    BOOST_TEST(!first.has_value());
    BOOST_TEST(!second.has_value());
    BOOST_TEST(fetches.data().member(guild_id) != nullptr);
    BOOST_TEST(transport.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(failed_resource_not_retried)
{
    transport.route(member_url, json_response(401, R"({"message": "401: Unauthorized", "code": 0})"));
    gg::session fetches(client, login, scope::identify |
                                                                 scope::guilds_members_read);
    gg::fetch_plan plan;
    plan.need_member(guild_id);

    auto first = fetches.fetch(plan);
    auto second = fetches.fetch(plan);

    BOOST_TEST_REQUIRE(second.has_value());
    BOOST_TEST(to_string(second->kind) == "token_invalid");
    BOOST_TEST(first.has_value());
    BOOST_TEST(transport.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(not_member_recorded)
{
    route_not_member();
    gg::session fetches(client, login, scope::identify |
                                                                 scope::guilds_members_read);
    gg::fetch_plan plan;
    plan.need_member(guild_id);

    auto error = fetches.fetch(plan);

    BOOST_TEST(!error.has_value());
    BOOST_TEST(fetches.data().member(guild_id) == nullptr);
    BOOST_TEST(!fetches.data().in_guild(guild_id));
}

BOOST_AUTO_TEST_CASE(scopes_checked_first)
{
    login.granted_scopes = gg::parse_scopes("identify");
    gg::session fetches(client, login, scope::identify | scope::guilds);
    gg::fetch_plan plan;
    plan.need_listed_guild(guild_id);

    auto error = fetches.fetch(plan);

    BOOST_TEST_REQUIRE(error.has_value());
    BOOST_TEST(to_string(error->kind) == "missing_scope");
    BOOST_TEST(error->detail == "missing scope: guilds");
    BOOST_TEST(transport.requests().empty());
}

BOOST_AUTO_TEST_CASE(unknown_scopes_not_checked)
{
    // Without the token response's `scope`, requests are sent and Discord decides.
    route_member({});
    gg::session fetches(client, login, scope::identify |
                                                                 scope::guilds_members_read);
    gg::fetch_plan plan;
    plan.need_member(guild_id);

    auto error = fetches.fetch(plan);

    BOOST_TEST(!error.has_value());
    BOOST_TEST(transport.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(reads_taken_once)
{
    route_user();
    gg::session fetches(client, login, scope::identify);
    gg::fetch_plan plan;
    plan.need_current_user();
    fetches.fetch(plan);

    auto reads = fetches.take_reads();

    BOOST_TEST_REQUIRE(reads.size() == 1u);
    BOOST_TEST(reads[0].route == "GET /users/@me");
    BOOST_TEST(reads[0].status == 200);
    BOOST_TEST(fetches.take_reads().empty());
}

BOOST_AUTO_TEST_SUITE_END()
