#include <guildgate/rules/only_for_provider.hpp>

#define BOOST_TEST_MODULE rules_tests
#include <boost/test/unit_test.hpp>

#include "rules/login_fixture.hpp"

#include <guildgate/rules/map_roles_to_groups.hpp>
#include <guildgate/rules/require_guild.hpp>
#include <guildgate/rules/require_role.hpp>
#include <guildgate/rules/store_discord_attrs.hpp>

#include <string>
#include <vector>

namespace {

namespace gg = guildgate;
using namespace gg::testing;

const auto full_policy =
    gg::only_for_provider("discord") >> gg::require_guild(guild, "Example Guild") >>
    gg::require_role(guild, members_role, "Members", "Example Guild") >>
    gg::map_roles_to_groups(guild, {{members_role, "members"}}, gg::sync_on::both) >>
    gg::store_discord_attrs(gg::avatar_size<64>);

} // namespace

BOOST_FIXTURE_TEST_SUITE(only_for_provider_test, login_fixture)

BOOST_AUTO_TEST_CASE(discord_goes_on)
{
    transport.route(guilds_url, json_response(200, guild_list({guild_id})));

    auto result = run(gg::only_for_provider("discord") >> gg::require_guild(guild, "Example Guild"));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(result.trace.entries.size() == 2u);
    BOOST_TEST(transport.count(api + "/users/@me/guilds?") == 1u);
}

BOOST_AUTO_TEST_CASE(discord_later_rule_denies)
{
    transport.route(guilds_url, json_response(200, guild_list({"900000000000000009"})));
    transport.route(guilds_page_url("900000000000000009"), json_response(200, "[]"));

    auto result = run(gg::only_for_provider("discord") >> gg::require_guild(guild, "Example Guild"));

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(result.trace.decided_by.value_or(0) == 1u);
}

BOOST_AUTO_TEST_CASE(alone_allows)
{
    auto result = run(gg::only_for_provider("discord"));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(transport.requests().empty());
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(other_provider_skips_rest)
{
    login.provider = "google";

    auto result = run(full_policy);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(transport.requests().empty());
    BOOST_TEST(wrote_nothing());
    BOOST_TEST(result.trace.entries.size() == 1u);
    BOOST_TEST(result.messages.empty());
    BOOST_TEST(result.events.empty());
    BOOST_TEST(!result.discord_user.has_value());
}

BOOST_AUTO_TEST_CASE(other_provider_ignores_discord_failure)
{
    login.provider = "github";
    transport.fail_at(1, {gg::transport_failure::connection_refused, "nothing listens"});

    auto result = run(full_policy);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(transport.requests().empty());
}

BOOST_AUTO_TEST_CASE(other_provider_trace_reason)
{
    login.provider = "google";

    auto result = run(full_policy);

    BOOST_TEST_REQUIRE(result.trace.entries.size() == 1u);
    BOOST_TEST(result.trace.entries[0].reason.find("\"google\"") != std::string::npos,
               result.trace.entries[0].reason);
}

BOOST_AUTO_TEST_CASE(provider_case_and_blanks_ignored)
{
    login.provider = " Discord\t";
    transport.route(guilds_url, json_response(200, guild_list({guild_id})));

    auto result = run(gg::only_for_provider("discord") >> gg::require_guild(guild, "Example Guild"));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(result.trace.entries.size() == 2u);
}

BOOST_AUTO_TEST_CASE(empty_provider_denied)
{
    login.provider = "";

    auto result = run(full_policy);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(transport.requests().empty());
    BOOST_TEST(wrote_nothing());
    BOOST_TEST_REQUIRE(result.messages.size() == 1u);
    BOOST_TEST(result.messages[0] == "The sign-in source is unknown, log in again.");
}

BOOST_AUTO_TEST_CASE(blank_provider_denied)
{
    login.provider = "  ";

    auto result = run(full_policy);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(near_discord_provider_denied)
{
    const std::vector<std::string> providers = {"discord\n", std::string("discord\0", 8),
                                                "discord\u00a0", "disc ord", "discord\r"};
    for (const std::string& provider : providers) {
        login.provider = provider;

        auto result = run(full_policy);

        BOOST_TEST(to_string(result.verdict) == "deny", "provider of " << provider.size()
                                                                           << " bytes");
        BOOST_TEST(transport.requests().empty());
        BOOST_TEST(wrote_nothing());
    }
}

BOOST_AUTO_TEST_CASE(empty_provider_name_rejected)
{
    BOOST_CHECK_THROW(gg::only_for_provider(""), std::invalid_argument);
    BOOST_CHECK_THROW(gg::only_for_provider(" "), std::invalid_argument);
    BOOST_CHECK_THROW(gg::only_for_provider("discord\n"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(describe_names_provider)
{
    BOOST_TEST(gg::only_for_provider("discord").describe() == "only_for_provider(\"discord\")");
}

BOOST_AUTO_TEST_SUITE_END()
