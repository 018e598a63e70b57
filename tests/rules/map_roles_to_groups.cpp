#include <guildgate/rules/map_roles_to_groups.hpp>

#include <boost/test/unit_test.hpp>

#include "rules/login_fixture.hpp"

#include <boost/json/array.hpp>

#include <string>
#include <vector>

namespace {

namespace gg = guildgate;
using namespace gg::testing;
using strings = std::vector<std::string>;

gg::role_group_map mapping()
{
    return {{members_role, "members"}, {mods_role, "moderators"}, {admins_role, "admins"}};
}

const auto at_both = gg::map_roles_to_groups(guild, mapping(), gg::sync_on::both);
const auto at_enrollment = gg::map_roles_to_groups(guild, mapping(), gg::sync_on::enrollment);
const auto at_authentication =
    gg::map_roles_to_groups(guild, mapping(), gg::sync_on::authentication);

strings as_strings(const boost::json::value& value)
{
    strings result;
    for (const auto& item : value.as_array())
        result.emplace_back(item.as_string());
    return result;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(map_roles_to_groups_test, login_fixture)

BOOST_AUTO_TEST_CASE(enrollment_gives_groups)
{
    login.stage = gg::stage::enrollment;
    route_user();
    route_member({members_role.to_string(), mods_role.to_string(), "823456789012345699"});

    auto result = run(at_both);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(result.enrollment_groups == (strings{"members", "moderators"}),
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(result.applied.has_value());
    BOOST_TEST(result.applied->created);
    BOOST_TEST(stored_groups() == (strings{"members", "moderators"}),
               boost::test_tools::per_element());
    BOOST_TEST(repository.group_names() == (strings{"members", "moderators"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(enrollment_no_mapped_role)
{
    login.stage = gg::stage::enrollment;
    route_user();
    route_member({"823456789012345699"});

    auto result = run(at_enrollment);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(result.enrollment_groups.empty());
    BOOST_TEST(stored_groups().empty());
}

BOOST_AUTO_TEST_CASE(authentication_sync)
{
    seed_user({"admins", "members", "outsiders"});
    route_user();
    route_member({members_role.to_string()});

    auto result = run(at_both);

    // The mapping owns admins and the member no longer has its role, so that group goes. The
    // mapping does not own outsiders, so that group stays.
    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(stored_groups() == (strings{"members", "outsiders"}),
               boost::test_tools::per_element());
    BOOST_TEST(result.enrollment_groups.empty());
}

BOOST_AUTO_TEST_CASE(authentication_sync_adds)
{
    seed_user({"outsiders"});
    route_user();
    route_member({mods_role.to_string(), admins_role.to_string()});

    auto result = run(at_authentication);

    BOOST_TEST(stored_groups() == (strings{"admins", "moderators", "outsiders"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(authentication_sync_event)
{
    seed_user({"admins", "outsiders"});
    route_user();
    route_member({members_role.to_string()});

    auto result = run(at_authentication);

    auto synced = events_named(result, "groups_synced");
    BOOST_TEST_REQUIRE(synced.size() == 1u);
    const auto& data = synced.front()->data;
    BOOST_TEST(data.at("stage").as_string() == "authentication");
    BOOST_TEST(as_strings(data.at("before")) == (strings{"admins", "outsiders"}),
               boost::test_tools::per_element());
    BOOST_TEST(as_strings(data.at("after")) == (strings{"members", "outsiders"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(other_stage_no_request)
{
    route_user();
    route_member({members_role.to_string()});

    auto result = run(at_enrollment);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(transport.count(member_url) == 0u);
    BOOST_TEST(stored_groups().empty());
}

BOOST_AUTO_TEST_CASE(not_member_deny)
{
    login.stage = gg::stage::enrollment;
    route_user();
    route_not_member();

    auto result = run(at_both);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == (strings{"User is not a member of the guild."}),
               boost::test_tools::per_element());
    BOOST_TEST(result.enrollment_groups.empty());
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(not_member_deny_message)
{
    route_not_member();

    auto result = run(at_authentication.deny_message("Join Example Guild to log in."));

    BOOST_TEST(result.messages == (strings{"Join Example Guild to log in."}),
               boost::test_tools::per_element());
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(not_member_keeps_groups)
{
    seed_user({"admins", "outsiders"});
    route_user();
    route_not_member();

    auto result = run(at_authentication);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(stored_groups() == (strings{"admins", "outsiders"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(enrollment_errors)
{
    check_failures(at_both, member_url, R"([])", [](login_fixture& fixture) {
        fixture.login.stage = gg::stage::enrollment;
        fixture.route_user();
    });
}

BOOST_AUTO_TEST_CASE(authentication_errors)
{
    check_failures(at_both, member_url, R"({"roles": {"823456789012345678": true}})",
                   [](login_fixture& fixture) { fixture.route_user(); });
}

BOOST_AUTO_TEST_CASE(user_errors_after_gates)
{
    // The member route passed, so /users/@me is read in the effects phase: its failure is an
    // error as well, and nothing is written.
    check_failures(at_both, user_url, R"({"id": "80351110224678912"})",
                   [](login_fixture& fixture) {
                       fixture.route_member({members_role.to_string()});
                   },
                   2);
}

BOOST_AUTO_TEST_CASE(missing_scope_no_request)
{
    login.granted_scopes = gg::parse_scopes("identify guilds");
    route_user();
    route_member({members_role.to_string()});

    auto result = run(at_both);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "missing_scope");
    BOOST_TEST(result.error->detail == "missing scope: guilds.members.read");
    BOOST_TEST(transport.requests().empty());
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(mapping_rejects_duplicates)
{
    gg::role_group_map map{{members_role, "members"}};

    BOOST_CHECK_THROW(map.add(members_role, "others"), std::invalid_argument);
    BOOST_CHECK_THROW(map.add(mods_role, ""), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(mapping_owned_groups)
{
    gg::role_group_map map{{members_role, "members"}, {mods_role, "members"}, {admins_role, "a"}};

    BOOST_TEST(map.owned_groups() == (strings{"a", "members"}), boost::test_tools::per_element());
    BOOST_TEST(map.groups_for({mods_role.to_string()}) == (strings{"members"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
