#include <guildgate/rules/detail/deny_message.hpp>

#include <boost/test/unit_test.hpp>

#include "logic/logic_fixture.hpp"

#include <guildgate/rules/all_of.hpp>
#include <guildgate/rules/any_of.hpp>
#include <guildgate/rules/map_roles_to_groups.hpp>
#include <guildgate/rules/not.hpp>
#include <guildgate/rules/only_for_provider.hpp>
#include <guildgate/rules/require_any_guild.hpp>
#include <guildgate/rules/require_guild.hpp>
#include <guildgate/rules/require_roles.hpp>
#include <guildgate/rules/store_discord_attrs.hpp>
#include <guildgate/rules/when.hpp>

#include <string>
#include <type_traits>

namespace {

namespace gg = guildgate;
using namespace gg::testing;

const std::string custom_message = "Ask a moderator in #access for help.";

template <class Rule>
concept has_deny_message = requires(const Rule& r) {
    { r.deny_message(std::string()) } -> std::same_as<Rule>;
};

// The rules that never deny on their own have no deny message: the rule they wrap, or the
// pipeline, decides what the user reads.
static_assert(!has_deny_message<gg::only_for_provider_rule>);
static_assert(!has_deny_message<gg::store_discord_attrs_rule>);
static_assert(!has_deny_message<gg::when_rule<gg::stage_is, gg::require_role_rule>>);

} // namespace

BOOST_FIXTURE_TEST_SUITE(deny_message_test, login_fixture)

BOOST_AUTO_TEST_CASE(require_guild_rule)
{
    static_assert(has_deny_message<gg::require_guild_rule>);
    transport.route(guilds_url, json_response(200, "[]"));

    auto result = run(gg::require_guild(guild, "Example Guild").deny_message(custom_message));

    BOOST_TEST(result.messages == one(custom_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(require_guild_member_route)
{
    using rule_type = gg::basic_require_guild<gg::membership_source::member_route>;
    static_assert(has_deny_message<rule_type>);
    route_not_member();

    auto result = run(gg::require_guild(guild, "Example Guild")
                          .with({.deny_pending = true})
                          .deny_message(custom_message));

    BOOST_TEST(result.messages == one(custom_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(require_role_rule)
{
    static_assert(has_deny_message<gg::require_role_rule>);
    route_member({});

    auto result = run(has_members.deny_message(custom_message));

    BOOST_TEST(result.messages == one(custom_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(require_any_role_rule)
{
    static_assert(has_deny_message<gg::require_roles_rule<gg::role_match::any>>);
    route_member({});

    auto result = run(gg::require_any_role(guild, {mods_role}).deny_message(custom_message));

    BOOST_TEST(result.messages == one(custom_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(require_all_roles_rule)
{
    static_assert(has_deny_message<gg::require_roles_rule<gg::role_match::all>>);
    route_member({mods_role.to_string()});

    auto result = run(gg::require_all_roles(guild, {mods_role, admins_role}).deny_message(custom_message));

    BOOST_TEST(result.messages == one(custom_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(require_any_guild_rule)
{
    static_assert(has_deny_message<gg::require_any_guild_rule>);
    transport.route(guilds_url, json_response(200, "[]"));

    auto result = run(gg::require_any_guild({other_guild}).deny_message(custom_message));

    BOOST_TEST(result.messages == one(custom_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(map_roles_to_groups_rule)
{
    static_assert(has_deny_message<gg::map_roles_to_groups_rule>);
    route_not_member();

    auto result = run(gg::map_roles_to_groups(guild, {{members_role, "members"}},
                                              gg::sync_on::authentication)
                          .deny_message(custom_message));

    BOOST_TEST(result.messages == one(custom_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(all_of_rule)
{
    route_member({members_role.to_string()});

    auto result = run(gg::all_of(has_members, has_mods).deny_message(custom_message));

    BOOST_TEST(result.messages == one(custom_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(any_of_rule)
{
    route_member({});

    auto result = run(gg::any_of(has_members, has_mods).deny_message(custom_message));

    BOOST_TEST(result.messages == one(custom_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(not_rule)
{
    route_member({banned_role.to_string()});

    auto result = run(gg::not_(is_banned).deny_message(custom_message));

    BOOST_TEST(result.messages == one(custom_message), boost::test_tools::per_element());
}

// The combinator's message replaces the child's only on deny; an allow shows nothing.
BOOST_AUTO_TEST_CASE(allow_shows_nothing)
{
    route_member({members_role.to_string()});

    auto result = run(gg::any_of(has_members, has_mods).deny_message(custom_message));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(result.messages.empty());
}

// An error shows the error's message, never the deny message.
BOOST_AUTO_TEST_CASE(error_keeps_error_message)
{
    transport.route(member_url, unavailable());

    auto result = run(gg::not_(is_banned).deny_message(custom_message));

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.messages.size() == 1u);
    BOOST_TEST(result.messages.front() != custom_message);
}

BOOST_AUTO_TEST_SUITE_END()
