#include <guildgate/rules/any_of.hpp>

#include <boost/test/unit_test.hpp>

#include "logic/logic_fixture.hpp"

#include <guildgate/rules/all_of.hpp>
#include <guildgate/rules/require_any_guild.hpp>
#include <guildgate/rules/require_guild.hpp>
#include <guildgate/rules/require_roles.hpp>

#include <type_traits>

namespace {

namespace gg = guildgate;
using namespace gg::testing;

using role_type = gg::require_role_rule;
using guild_type = gg::require_guild_rule;
using guilds_type = gg::require_any_guild_rule;

const auto in_guild = gg::require_guild(guild, "Example Guild");
const auto in_other_guild = gg::require_any_guild({other_guild});

// Nested any_of rules flatten into one any_of_rule.
static_assert(std::is_same_v<decltype(gg::any_of(has_members, gg::any_of(has_mods, has_admins))),
                             gg::any_of_rule<role_type, role_type, role_type>>);
static_assert(std::is_same_v<decltype(gg::any_of(gg::any_of(has_members, has_mods), in_guild)),
                             gg::any_of_rule<role_type, role_type, guild_type>>);

// A pipeline is one alternative: all of its rules must allow.
static_assert(std::is_same_v<decltype(gg::any_of(has_members >> in_guild, in_other_guild)),
                             gg::any_of_rule<gg::all_of_rule<role_type, guild_type>, guilds_type>>);

} // namespace

BOOST_FIXTURE_TEST_SUITE(any_of_test, login_fixture)

BOOST_AUTO_TEST_CASE(first_allows)
{
    route_member({members_role.to_string()});

    auto result = run(gg::any_of(has_members, has_mods));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(result.messages.empty());
}

BOOST_AUTO_TEST_CASE(last_allows)
{
    route_member({admins_role.to_string()});

    auto result = run(gg::any_of(has_members, has_mods, has_admins));

    BOOST_TEST(to_string(result.verdict) == "allow");
}

BOOST_AUTO_TEST_CASE(none_allows)
{
    route_member({});

    auto result = run(gg::any_of(has_members, has_mods));

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(lacks_members_message), boost::test_tools::per_element());
    BOOST_TEST(!result.error.has_value());
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(shared_member_fetched_once)
{
    route_member({admins_role.to_string()});
    const auto policy = gg::any_of(has_members, has_mods,
                                   gg::require_any_role(guild, {admins_role}, "Example Guild"),
                                   in_guild >> has_admins);

    auto result = run(policy);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(transport.count(member_url) == 1u);
    BOOST_TEST(transport.requests().size() == 1u);
}

// The guild list fails on every attempt, and the member route returns a member who holds the
// role.
BOOST_AUTO_TEST_CASE(error_and_allow)
{
    route_member({members_role.to_string()});
    transport.route(guilds_url, unavailable());

    auto result = run(gg::any_of(in_other_guild, has_members));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(!result.error.has_value());
    BOOST_TEST(transport.count(guilds_url) >= 1u);
}

BOOST_AUTO_TEST_CASE(error_and_deny)
{
    route_member({});
    transport.route(guilds_url, unavailable());

    auto result = run(gg::any_of(has_members, in_other_guild));

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "discord_unavailable");
    BOOST_TEST(result.error->http_status == 503);
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(every_branch_errors)
{
    transport.route(member_url, unavailable());
    transport.route(guilds_url, unavailable());

    auto result = run(gg::any_of(has_members, in_other_guild));

    BOOST_TEST(to_string(result.verdict) == "error");
}

BOOST_AUTO_TEST_CASE(pipeline_alternative_needs_all)
{
    route_member({members_role.to_string()});
    transport.route(guilds_url, json_response(200, "[]"));

    auto result = run(gg::any_of(has_members >> has_mods, in_other_guild));

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(lacks_mods_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(describe_lists_children)
{
    BOOST_TEST(gg::any_of(in_guild, in_other_guild).describe() ==
               "any_of(require_guild(812345678901234567 \"Example Guild\"), "
               "require_any_guild({912345678901234567}))");
}

BOOST_AUTO_TEST_SUITE_END()
