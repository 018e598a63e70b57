#include <guildgate/core/scope.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {

using guildgate::parse_scopes;
using guildgate::scope;
using guildgate::scope_set;

static_assert(parse_scopes("identify guilds") == (scope::identify | scope::guilds));
static_assert((scope_set{scope::identify} | scope::email).bits() == 0b11);

} // namespace

BOOST_AUTO_TEST_SUITE(scope_test)

BOOST_AUTO_TEST_CASE(empty_set)
{
    scope_set none;

    BOOST_TEST(none.empty());
    BOOST_TEST(!none.contains(scope::identify));
    BOOST_TEST(none.contains(scope_set{}));
}

BOOST_AUTO_TEST_CASE(union_contains_both)
{
    scope_set both = scope::identify | scope::guilds;

    BOOST_TEST(both.contains(scope::identify));
    BOOST_TEST(both.contains(scope::guilds));
    BOOST_TEST(!both.contains(scope::email));
    BOOST_TEST(!both.contains(scope::guilds_members_read));
}

BOOST_AUTO_TEST_CASE(contains_subset)
{
    scope_set three = scope::identify | scope::guilds | scope::email;

    BOOST_TEST(three.contains(scope::identify | scope::guilds));
    BOOST_TEST(!three.contains(scope::identify | scope::guilds_members_read));
    BOOST_TEST(!scope_set{scope::identify}.contains(three));
}

BOOST_AUTO_TEST_CASE(difference_lists_missing)
{
    scope_set needed = scope::identify | scope::guilds_members_read;
    scope_set granted = scope::identify | scope::guilds;

    BOOST_TEST(to_string(needed - granted) == "guilds.members.read");
    BOOST_TEST((needed - needed).empty());
    BOOST_TEST((scope_set{} - granted).empty());
}

BOOST_AUTO_TEST_CASE(equality)
{
    BOOST_TEST(((scope::identify | scope::guilds) == (scope::guilds | scope::identify)));
    BOOST_TEST(!(scope_set{scope::identify} == scope_set{scope::guilds}));
}

BOOST_AUTO_TEST_CASE(parse_all_four)
{
    scope_set all = scope::identify | scope::email | scope::guilds | scope::guilds_members_read;

    BOOST_TEST(to_string(parse_scopes("identify email guilds guilds.members.read")) ==
               to_string(all));
}

BOOST_AUTO_TEST_CASE(parse_any_order)
{
    BOOST_TEST(to_string(parse_scopes("guilds.members.read identify")) ==
               "identify guilds.members.read");
    BOOST_TEST(to_string(parse_scopes("guilds identify")) == "identify guilds");
}

BOOST_AUTO_TEST_CASE(parse_extra_spaces)
{
    BOOST_TEST(to_string(parse_scopes("  identify   guilds  ")) == "identify guilds");
    BOOST_TEST(parse_scopes("   ").empty());
    BOOST_TEST(parse_scopes("").empty());
}

BOOST_AUTO_TEST_CASE(parse_ignores_unknown)
{
    BOOST_TEST(to_string(parse_scopes("bot identify connections applications.commands")) ==
               "identify");
}

BOOST_AUTO_TEST_CASE(parse_rejects_typo)
{
    // "guild.members.read" (singular) is not Discord's scope name, so it grants nothing.
    BOOST_TEST(parse_scopes("guild.members.read").empty());
    BOOST_TEST(!parse_scopes("identify guild.members.read").contains(scope::guilds_members_read));
    BOOST_TEST(parse_scopes("guilds.members.read").contains(scope::guilds_members_read));
}

BOOST_AUTO_TEST_CASE(parse_whole_words_only)
{
    BOOST_TEST(parse_scopes("identifyguilds").empty());
    BOOST_TEST(parse_scopes("guilds.members").empty());
    BOOST_TEST(parse_scopes("IDENTIFY").empty());
}

BOOST_AUTO_TEST_CASE(to_string_fixed_order)
{
    scope_set all = parse_scopes("guilds.members.read guilds email identify");

    BOOST_TEST(to_string(all) == "identify email guilds guilds.members.read");
    BOOST_TEST(to_string(scope::guilds | scope::identify) == "identify guilds");
    BOOST_TEST(to_string(scope_set{}) == "");
}

BOOST_AUTO_TEST_CASE(to_string_round_trip)
{
    scope_set some = scope::identify | scope::guilds_members_read;

    BOOST_TEST(to_string(parse_scopes(to_string(some))) == to_string(some));
}

BOOST_AUTO_TEST_CASE(scope_names_in_order)
{
    std::vector<std::string> expected{"identify", "guilds.members.read"};

    BOOST_TEST(guildgate::scope_names(scope::guilds_members_read | scope::identify) == expected,
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
