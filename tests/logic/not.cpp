#include <guildgate/rules/not.hpp>

#include <boost/test/unit_test.hpp>

#include "logic/logic_fixture.hpp"

#include <guildgate/rules/any_of.hpp>
#include <guildgate/rules/require_any_guild.hpp>

namespace {

namespace gg = guildgate;
using namespace gg::testing;

const std::string not_allowed_message = "User is not allowed to log in.";

} // namespace

BOOST_FIXTURE_TEST_SUITE(not_test, login_fixture)

BOOST_AUTO_TEST_CASE(rule_denies_allow)
{
    route_member({members_role.to_string()});

    auto result = run(gg::not_(is_banned));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(result.messages.empty());
}

BOOST_AUTO_TEST_CASE(rule_allows_deny)
{
    route_member({banned_role.to_string()});

    auto result = run(gg::not_(is_banned));

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(not_allowed_message), boost::test_tools::per_element());
    BOOST_TEST(!result.error.has_value());
}

// Not being in the guild is a deny of the inner rule, so the negation allows.
BOOST_AUTO_TEST_CASE(not_member_allow)
{
    route_not_member();

    auto result = run(gg::not_(is_banned));

    BOOST_TEST(to_string(result.verdict) == "allow");
}

BOOST_AUTO_TEST_CASE(error_stays_error)
{
    transport.route(member_url, unavailable());

    auto result = run(gg::not_(is_banned));

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "discord_unavailable");
    BOOST_TEST(result.messages.size() == 1u);
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(token_error_stays_error)
{
    transport.route(member_url,
                    json_response(401, R"({"message": "401: Unauthorized", "code": 0})"));

    auto result = run(gg::not_(is_banned));

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "token_invalid");
}

BOOST_AUTO_TEST_CASE(negated_any_of_error)
{
    route_member({});
    transport.route(guilds_url, unavailable());

    auto result = run(gg::not_(gg::any_of(is_banned, gg::require_any_guild({other_guild}))));

    BOOST_TEST(to_string(result.verdict) == "error");
}

BOOST_AUTO_TEST_CASE(double_negation)
{
    route_member({banned_role.to_string()});

    auto result = run(gg::not_(gg::not_(is_banned)));

    BOOST_TEST(to_string(result.verdict) == "allow");
}

BOOST_AUTO_TEST_CASE(keeps_child_constants)
{
    using negated = gg::not_rule<gg::require_role_rule>;

    static_assert(negated::scopes == gg::scope_set{gg::scope::guilds_members_read});
    static_assert(negated::resources == gg::resource_set{gg::resource::guild_member});
    static_assert(negated::effects.empty());
    BOOST_TEST(gg::not_(is_banned).describe() ==
               "not_(require_role(812345678901234567, 823456789012345699 \"Banned\"))");
}

BOOST_AUTO_TEST_SUITE_END()
