#include <guildgate/rules/all_of.hpp>

#define BOOST_TEST_MODULE logic_tests
#include <boost/test/unit_test.hpp>

#include "logic/logic_fixture.hpp"

#include <guildgate/rules/any_of.hpp>
#include <guildgate/rules/map_roles_to_groups.hpp>
#include <guildgate/rules/require_any_guild.hpp>
#include <guildgate/rules/require_guild.hpp>

#include <type_traits>

namespace {

namespace gg = guildgate;
using namespace gg::testing;

using role_type = gg::require_role_rule;
using guild_type = gg::require_guild_rule;
using guilds_type = gg::require_any_guild_rule;

const auto in_guild = gg::require_guild(guild, "Example Guild");
const auto in_other_guild = gg::require_any_guild({other_guild});

// Pipelines and nested all_of rules flatten into one all_of_rule.
static_assert(std::is_same_v<decltype(gg::all_of(has_members >> in_guild, has_mods)),
                             gg::all_of_rule<role_type, guild_type, role_type>>);
static_assert(std::is_same_v<decltype(gg::all_of(has_members, gg::all_of(in_guild, has_mods))),
                             gg::all_of_rule<role_type, guild_type, role_type>>);
static_assert(std::is_same_v<decltype(gg::all_of(gg::all_of(has_members), in_other_guild)),
                             gg::all_of_rule<role_type, guilds_type>>);

// An any_of inside all_of stays one child.
static_assert(std::is_same_v<decltype(gg::all_of(gg::any_of(has_members, has_mods), in_guild)),
                             gg::all_of_rule<gg::any_of_rule<role_type, role_type>, guild_type>>);

static_assert(gg::rule<gg::all_of_rule<role_type, guild_type>>);

} // namespace

BOOST_FIXTURE_TEST_SUITE(all_of_test, login_fixture)

BOOST_AUTO_TEST_CASE(every_rule_allows)
{
    route_member({members_role.to_string(), mods_role.to_string()});

    auto result = run(gg::all_of(has_members, has_mods));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(result.messages.empty());
    BOOST_TEST(requests_to(member_url) == 1u);
}

BOOST_AUTO_TEST_CASE(one_rule_denies)
{
    route_member({members_role.to_string()});

    auto result = run(gg::all_of(has_members, has_mods));

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(lacks_mods_message), boost::test_tools::per_element());
    BOOST_TEST(!result.error.has_value());
}

BOOST_AUTO_TEST_CASE(first_deny_decides)
{
    route_member({});

    auto result = run(gg::all_of(has_members, has_mods));

    BOOST_TEST(result.messages == one(lacks_members_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(member_route_error)
{
    transport.route(member_url, unavailable());

    auto result = run(gg::all_of(has_members, has_mods));

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "discord_unavailable");
    BOOST_TEST(result.error->http_status == 503);
    BOOST_TEST(wrote_nothing());
}

// Every child's resources are fetched before the children decide in order, so a deny ahead
// of a failed resource decides.
BOOST_AUTO_TEST_CASE(deny_before_error)
{
    route_member({});
    transport.route(guilds_url, unavailable());

    auto result = run(gg::all_of(has_members, in_other_guild));

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(lacks_members_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(error_before_deny)
{
    route_member({});
    transport.route(guilds_url, unavailable());

    auto result = run(gg::all_of(in_other_guild, has_members));

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "discord_unavailable");
}

BOOST_AUTO_TEST_CASE(keeps_effects)
{
    route_user();
    route_member({members_role.to_string()});
    const auto policy = gg::all_of(
        has_members, gg::map_roles_to_groups(guild, {{members_role, "members"}},
                                             gg::sync_on::authentication));

    auto result = run(policy);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(stored_groups() == strings{"members"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(describe_lists_children)
{
    BOOST_TEST(gg::all_of(has_members, has_mods).describe() ==
               "all_of(require_role(812345678901234567, 823456789012345678 \"Members\"), "
               "require_role(812345678901234567, 823456789012345679 \"Moderators\"))");
}

BOOST_AUTO_TEST_SUITE_END()
