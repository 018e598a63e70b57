#include <guildgate/rules/require_roles.hpp>

#include <boost/test/unit_test.hpp>

#include "logic/logic_fixture.hpp"

#include <stdexcept>
#include <string>

namespace {

namespace gg = guildgate;
using namespace gg::testing;

const std::string lacks_roles_message = "User does not have the required roles in Example Guild.";
const std::string not_member_message = "User is not a member of Example Guild.";

const auto any_staff = gg::require_any_role(guild, {mods_role, admins_role}, "Example Guild");
const auto all_staff = gg::require_all_roles(guild, {mods_role, admins_role}, "Example Guild");

// Returns the message of the std::invalid_argument that `build` throws, or "" when it
// throws none.
template <class Build>
std::string invalid_argument_text(Build build)
{
    try {
        build();
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return "";
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(require_roles_test, login_fixture)

BOOST_AUTO_TEST_CASE(any_role_one_held)
{
    route_member({admins_role.to_string()});

    auto result = run(any_staff);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(requests_to(member_url) == 1u);
}

BOOST_AUTO_TEST_CASE(any_role_none_held)
{
    route_member({members_role.to_string()});

    auto result = run(any_staff);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(lacks_roles_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(all_roles_held)
{
    route_member({mods_role.to_string(), admins_role.to_string(), members_role.to_string()});

    auto result = run(all_staff);

    BOOST_TEST(to_string(result.verdict) == "allow");
}

BOOST_AUTO_TEST_CASE(all_roles_one_missing)
{
    route_member({mods_role.to_string()});

    auto result = run(all_staff);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(lacks_roles_message), boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(result.trace.entries.size() == 1u);
    BOOST_TEST(result.trace.entries.front().reason == "lacks roles " + admins_role.to_string());
}

BOOST_AUTO_TEST_CASE(not_member_deny)
{
    route_not_member();

    auto result = run(any_staff);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(not_member_message), boost::test_tools::per_element());
}

// The @everyone role has the guild's ID and is held by every member, though Discord never
// lists it in `roles`.
BOOST_AUTO_TEST_CASE(everyone_any_role)
{
    route_member({});

    auto result = run(gg::require_any_role(guild, {guild}, "Example Guild"));

    BOOST_TEST(to_string(result.verdict) == "allow");
}

BOOST_AUTO_TEST_CASE(everyone_all_roles)
{
    route_member({mods_role.to_string()});

    auto result = run(gg::require_all_roles(guild, {guild, mods_role}, "Example Guild"));

    BOOST_TEST(to_string(result.verdict) == "allow");
}

BOOST_AUTO_TEST_CASE(everyone_not_member)
{
    route_not_member();

    auto result = run(gg::require_all_roles(guild, {guild}, "Example Guild"));

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(not_member_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(any_role_empty_list)
{
    BOOST_CHECK_THROW(gg::require_any_role(guild, {}), std::invalid_argument);
    BOOST_TEST(invalid_argument_text([] { gg::require_any_role(guild, {}); }) ==
               "require_any_role: the role list is empty; give at least one role ID");
}

BOOST_AUTO_TEST_CASE(all_roles_empty_list)
{
    BOOST_CHECK_THROW(gg::require_all_roles(guild, {}), std::invalid_argument);
    BOOST_TEST(invalid_argument_text([] { gg::require_all_roles(guild, {}); }) ==
               "require_all_roles: the role list is empty; give at least one role ID");
}

BOOST_AUTO_TEST_CASE(member_route_error)
{
    transport.route(member_url, unavailable());

    auto result = run(all_staff);

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "discord_unavailable");
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(pending_member_deny)
{
    transport.route(member_url,
                    json_response(200, R"({"roles": [")" + mods_role.to_string() +
                                           R"("], "pending": true})"));

    auto result = run(any_staff.with({.deny_pending = true}));

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(lacks_roles_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(describe_lists_roles)
{
    BOOST_TEST(any_staff.describe() ==
               "require_any_role(812345678901234567, {823456789012345679, 823456789012345680})");
    BOOST_TEST(all_staff.describe() ==
               "require_all_roles(812345678901234567, {823456789012345679, 823456789012345680})");
}

BOOST_AUTO_TEST_SUITE_END()
