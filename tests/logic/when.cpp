#include <guildgate/rules/when.hpp>

#include <boost/test/unit_test.hpp>

#include "logic/logic_fixture.hpp"

#include <guildgate/core/condition.hpp>
#include <guildgate/core/pipeline.hpp>
#include <guildgate/rules/map_roles_to_groups.hpp>

namespace {

namespace gg = guildgate;
using namespace gg::testing;

const auto at_enrollment = gg::stage_is(gg::stage::enrollment);

const auto groups_at_login = gg::map_roles_to_groups(guild, {{members_role, "members"}},
                                                     gg::sync_on::authentication);

} // namespace

BOOST_FIXTURE_TEST_SUITE(when_test, login_fixture)

BOOST_AUTO_TEST_CASE(condition_false_skips)
{
    login.stage = gg::stage::authentication;

    auto result = run(gg::when(at_enrollment, has_members));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(transport.requests().empty());
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(condition_false_trace)
{
    login.stage = gg::stage::authentication;

    auto result = run(gg::when(at_enrollment, has_members));

    BOOST_TEST_REQUIRE(result.trace.entries.size() == 1u);
    BOOST_TEST(result.trace.entries.front().reason ==
               "skipped: stage is enrollment does not hold");
    BOOST_TEST(result.trace.entries.front().reads.empty());
}

BOOST_AUTO_TEST_CASE(condition_true_allow)
{
    login.stage = gg::stage::enrollment;
    route_member({members_role.to_string()});

    auto result = run(gg::when(at_enrollment, has_members));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(requests_to(member_url) == 1u);
}

BOOST_AUTO_TEST_CASE(condition_true_deny)
{
    login.stage = gg::stage::enrollment;
    route_member({});

    auto result = run(gg::when(at_enrollment, has_members));

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.messages == one(lacks_members_message), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(condition_true_error)
{
    login.stage = gg::stage::enrollment;
    transport.route(member_url, unavailable());

    auto result = run(gg::when(at_enrollment, has_members));

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "discord_unavailable");
}

BOOST_AUTO_TEST_CASE(provider_condition)
{
    login.provider = "github";

    auto result = run(gg::when(gg::provider_is("discord"), has_members));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(transport.requests().empty());
}

BOOST_AUTO_TEST_CASE(predicate_condition)
{
    route_member({});
    const auto always = gg::condition([](const gg::login_context&) { return true; }, "always");

    auto result = run(gg::when(always, has_members));

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(gg::when(always, has_members).describe() ==
               "when(always, require_role(812345678901234567, 823456789012345678 "
               "\"Members\"))");
}

BOOST_AUTO_TEST_CASE(effects_when_run)
{
    login.stage = gg::stage::authentication;
    route_user();
    route_member({members_role.to_string()});

    auto result = run(gg::when(gg::stage_is(gg::stage::authentication), groups_at_login));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(stored_groups() == strings{"members"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_effects_when_skipped)
{
    login.stage = gg::stage::authentication;
    route_user();
    route_member({members_role.to_string()});

    auto result = run(gg::when(at_enrollment, groups_at_login));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(requests_to(member_url) == 0u);
    BOOST_TEST(stored_groups().empty());
}

// The OAuth2 source requests the same scopes for every login, so the rule's scopes count
// even when the condition would skip it.
BOOST_AUTO_TEST_CASE(scopes_whatever_condition)
{
    BOOST_TEST(gg::scope_string(gg::when(at_enrollment, has_members)) ==
               "identify guilds.members.read");
}

BOOST_AUTO_TEST_SUITE_END()
