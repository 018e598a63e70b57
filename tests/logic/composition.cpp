#include <guildgate/core/pipeline.hpp>

#include <boost/test/unit_test.hpp>

#include "logic/logic_fixture.hpp"

#include <guildgate/core/condition.hpp>
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

#include <stdexcept>
#include <string>
#include <utility>

namespace {

namespace gg = guildgate;
using namespace gg::testing;
using gg::effect;
using gg::resource;
using gg::scope;

const auto provider = gg::only_for_provider("discord");
const auto in_guild = gg::require_guild(guild, "Example Guild");
const auto in_other_guild = gg::require_any_guild({other_guild});
const auto groups = gg::map_roles_to_groups(guild, {{members_role, "members"}},
                                            gg::sync_on::both);
const auto profile = gg::store_discord_attrs(gg::avatar_size<64>);
const auto at_enrollment = gg::stage_is(gg::stage::enrollment);

const auto full_policy = provider >> in_guild >> has_members >> groups >> profile;

template <class Policy>
using pipeline_of = decltype(gg::as_pipeline(std::declval<const Policy&>()));

// The constants of the combinators: scopes and resources are the union of the children's,
// and membership read through a combinator still switches to the member route when another
// rule needs guilds.members.read.
using gates = pipeline_of<decltype(gg::any_of(in_guild, in_other_guild))>;
static_assert(gates::scopes() == (scope::identify | scope::guilds));
static_assert(gates::resources() == gg::resource_set{resource::guild_list});
static_assert(gates::effects().empty());
static_assert(!gates::writes_groups());
static_assert(!gates::writes_attributes());

using negated = pipeline_of<decltype(gg::not_(in_guild) >> has_members)>;
static_assert(negated::scopes() == (scope::identify | scope::guilds_members_read));
static_assert(negated::resources() == gg::resource_set{resource::guild_member});

using grouped = pipeline_of<decltype(gg::all_of(has_members, groups))>;
static_assert(grouped::effects() == gg::effect_set{effect::groups});
static_assert(grouped::writes_groups());
static_assert(!grouped::writes_attributes());

using conditional = pipeline_of<decltype(gg::when(at_enrollment, profile))>;
static_assert(conditional::scopes() == gg::scope_set{scope::identify});
static_assert(conditional::resources() == (resource::current_user | resource::avatar));
static_assert(conditional::writes_attributes());
static_assert(!conditional::writes_groups());

using full = pipeline_of<decltype(full_policy)>;
static_assert(full::size() == 5);
static_assert(full::scopes() == (scope::identify | scope::guilds_members_read));
static_assert(full::resources() ==
              (gg::resource_set{resource::current_user} | resource::guild_member |
               resource::avatar));
static_assert(full::effects() == (effect::groups | effect::attributes));
static_assert(full::writes_groups());
static_assert(full::writes_attributes());
static_assert(full::needs_membership());

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

BOOST_AUTO_TEST_SUITE(composition_test)

BOOST_AUTO_TEST_CASE(scope_string_guild)
{
    BOOST_TEST(gg::scope_string(in_guild) == "identify guilds");
}

BOOST_AUTO_TEST_CASE(scope_string_guild_and_role)
{
    BOOST_TEST(gg::scope_string(in_guild >> has_members) == "identify guilds.members.read");
}

BOOST_AUTO_TEST_CASE(scope_string_full_policy)
{
    BOOST_TEST(gg::scope_string(full_policy) == "identify guilds.members.read");
}

BOOST_AUTO_TEST_CASE(scope_string_provider_only)
{
    BOOST_TEST(gg::scope_string(provider) == "identify");
}

BOOST_AUTO_TEST_CASE(scope_string_profile)
{
    BOOST_TEST(gg::scope_string(profile) == "identify");
}

BOOST_AUTO_TEST_CASE(scope_string_any_of_mixed)
{
    BOOST_TEST(gg::scope_string(gg::any_of(has_members, in_other_guild)) ==
               "identify guilds guilds.members.read");
}

BOOST_AUTO_TEST_CASE(scope_string_not_guild)
{
    BOOST_TEST(gg::scope_string(gg::not_(in_guild)) == "identify guilds");
}

BOOST_AUTO_TEST_CASE(scope_string_nested)
{
    const auto policy =
        provider >> gg::any_of(gg::all_of(in_guild, has_mods), in_other_guild) >>
        gg::when(at_enrollment, gg::require_all_roles(guild, {members_role}));

    BOOST_TEST(gg::scope_string(policy) == "identify guilds guilds.members.read");
}

BOOST_AUTO_TEST_CASE(one_mapping_builds)
{
    BOOST_CHECK_NO_THROW(provider >> has_members >> groups);
}

// The second mapping of `guild` below takes the ID as a run-time snowflake, as from
// configuration: with the _snowflake literal on both sides the pipeline would not compile
// (tests/compile/fail/mapping_same_guild_twice.cpp), and the run-time check is what these
// cases test.
BOOST_AUTO_TEST_CASE(same_guild_mapped_twice)
{
    const auto at_enrollment_only = gg::map_roles_to_groups(
        gg::snowflake(guild), {{mods_role, "moderators"}}, gg::sync_on::enrollment);

    BOOST_CHECK_THROW(groups >> at_enrollment_only, std::invalid_argument);
    BOOST_TEST(invalid_argument_text([&] { return groups >> at_enrollment_only; }) ==
               "map_roles_to_groups: guild 812345678901234567 is mapped twice in one pipeline; "
               "use one mapping with sync_on::both");
}

BOOST_AUTO_TEST_CASE(same_group_owned_twice)
{
    const auto other_guild_groups = gg::map_roles_to_groups(
        other_guild, {{admins_role, "staff"}, {members_role, "members"}},
        gg::sync_on::authentication);

    BOOST_CHECK_THROW(groups >> other_guild_groups, std::invalid_argument);
    BOOST_TEST(invalid_argument_text([&] { return groups >> other_guild_groups; }) ==
               "map_roles_to_groups: group \"members\" is owned by two mappings, so each would "
               "remove the other's members; give each mapping its own groups");
}

BOOST_AUTO_TEST_CASE(conflict_inside_when)
{
    const auto at_enrollment = gg::map_roles_to_groups(
        gg::snowflake(guild), {{mods_role, "moderators"}}, gg::sync_on::enrollment);

    BOOST_CHECK_THROW(groups >> gg::when(gg::stage_is(gg::stage::enrollment), at_enrollment),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(conflict_inside_all_of)
{
    const auto at_enrollment = gg::map_roles_to_groups(
        gg::snowflake(guild), {{mods_role, "moderators"}}, gg::sync_on::enrollment);

    BOOST_CHECK_THROW(groups >> gg::all_of(has_members, at_enrollment), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(conflict_across_nested_pipeline)
{
    const auto duplicate = gg::map_roles_to_groups(
        gg::snowflake(guild), {{mods_role, "moderators"}}, gg::sync_on::authentication);

    BOOST_CHECK_THROW(provider >> (groups >> has_members) >> duplicate, std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(distinct_mappings_build)
{
    const auto other_guild_groups = gg::map_roles_to_groups(
        other_guild, {{admins_role, "staff"}}, gg::sync_on::authentication);

    BOOST_CHECK_NO_THROW(groups >> other_guild_groups);
}

BOOST_AUTO_TEST_SUITE_END()
